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
    /// <summary>A Sparkplug payload that is not a Sparkplug B protobuf.</summary>
    public const string SparkplugInvalidPayload = "sparkplug-invalid-payload";
    /// <summary>A Sparkplug message the host could not place with certainty (seq gap, unknown alias, no birth): a rebirth was asked for.</summary>
    public const string SparkplugRebirth = "sparkplug-rebirth";
    /// <summary>A Sparkplug metric or device the plant model has no place for.</summary>
    public const string SparkplugUnmapped = "sparkplug-unmapped";
    /// <summary>Storing the message failed every time while the messages around it were stored: it is set aside, not retried forever.</summary>
    public const string ProcessingFailed = "processing-failed";

    public override string ToString() => $"{Code}: {Detail}";
}
