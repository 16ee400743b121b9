namespace PharmaMes.Infrastructure.Messaging;

/// <summary>Why a message was quarantined: a stable code for counting, and a sentence for engineers.</summary>
public sealed record QuarantineReason(string Code, string Detail)
{
    public const string TopicNotInContract = "topic-not-in-contract";
    public const string PayloadTooLarge = "payload-too-large";
    public const string InvalidJson = "invalid-json";
    public const string InvalidShape = "invalid-shape";
    public const string InvalidTimestamp = "invalid-timestamp";
    public const string NotAFiniteNumber = "not-a-finite-number";
    public const string UnknownEquipment = "unknown-equipment";
    public const string UnknownTag = "unknown-tag";
    public const string UnknownState = "unknown-state";
    public const string InvalidCount = "invalid-count";
    public const string StateRefused = "state-refused";
    /// <summary>Storing the message failed every time while the messages around it were stored: it is set aside, not retried forever.</summary>
    public const string ProcessingFailed = "processing-failed";

    public override string ToString() => $"{Code}: {Detail}";
}
