namespace PharmaMes.Infrastructure.Messaging;

/// <summary>A message that broke the contract, kept for engineers with why; the pipeline went on.</summary>
public sealed class QuarantinedMessage
{
    public const int TopicMaxLength = 256;
    public const int ExcerptMaxLength = 512;
    public const int ReasonCodeMaxLength = 40;
    public const int DetailMaxLength = 400;

    public Guid Id { get; set; }
    public string Topic { get; set; } = "";
    /// <summary>The start of the payload, as text when it is text, else as hex.</summary>
    public string PayloadExcerpt { get; set; } = "";
    public int PayloadBytes { get; set; }
    public string ReasonCode { get; set; } = "";
    public string Detail { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
