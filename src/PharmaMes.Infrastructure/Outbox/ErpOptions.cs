using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>The outbound link to the ERP (section "Erp").</summary>
public sealed class ErpOptions
{
    public const string Section = "Erp";

    public ErpFormat Format { get; set; } = ErpFormat.Json;

    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>A folder that receives one file per message, for ERPs that pick up files; off when empty.</summary>
    public string? Folder { get; set; }

    /// <summary>Attempts before a message is dead-lettered.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The wait after the first failure; doubled after each further one.</summary>
    [Range(0.01, 3600)]
    public double FirstRetrySeconds { get; set; } = 5;

    /// <summary>The longest wait between two attempts.</summary>
    [Range(0.01, 86_400)]
    public double MaxRetrySeconds { get; set; } = 1800;

    /// <summary>Messages sent at the same time (to different aggregates; one aggregate is always in order).</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 16;

    public sealed class WebhookOptions
    {
        /// <summary>Where messages are POSTed; outbound delivery waits (messages stay Pending) while neither this nor a folder is set.</summary>
        public string? Url { get; set; }

        /// <summary>Sent as the X-Api-Key header when set.</summary>
        public string? ApiKey { get; set; }

        [Range(1, 600)]
        public double TimeoutSeconds { get; set; } = 30;
    }

    public bool HasTarget => !string.IsNullOrWhiteSpace(Webhook.Url) || !string.IsNullOrWhiteSpace(Folder);
}
