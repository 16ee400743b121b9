using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>The <c>Mqtt</c> section.</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary>The first topic level of the unified namespace.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,32}$", ErrorMessage = "Mqtt:TopicRoot must be 1 to 32 letters, digits, '-' or '_'.")]
    public string TopicRoot { get; init; } = "mes";

    /// <summary>External brokers only: subscribe as <c>$share/{group}/...</c> so several MES nodes split the work.</summary>
    public string? SharedGroup { get; init; }

    /// <summary>The MES's client id; a persistent session is bound to it.</summary>
    [Required]
    public string ClientId { get; init; } = "pharmames-ingest";

    /// <summary>How long the broker keeps our session (and queues for it) while we are away.</summary>
    [Range(60, 604_800)]
    public int SessionExpirySeconds { get; init; } = 86_400;

    public BrokerOptions Broker { get; init; } = new();
    public IngestOptions Ingest { get; init; } = new();
    public Sparkplug.SparkplugOptions Sparkplug { get; init; } = new();
}
