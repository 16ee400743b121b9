using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>The <c>Mqtt:Ingest</c> section: how received messages are batched into the database.</summary>
public sealed class IngestOptions
{
    /// <summary>Messages written in one transaction at most.</summary>
    [Range(1, 50_000)]
    public int BatchSize { get; init; } = 2_000;

    /// <summary>How long a partial batch may wait for more messages before it is written.</summary>
    [Range(1, 5_000)]
    public int MaxBatchDelayMilliseconds { get; init; } = 20;

    /// <summary>Received but not yet written messages held in memory; the broker holds the rest.</summary>
    [Range(100, 1_000_000)]
    public int ChannelCapacity { get; init; } = 20_000;

    /// <summary>How many unacknowledged messages the broker may send us at once (MQTT 5 Receive Maximum).</summary>
    [Range(1, 65_535)]
    public int ReceiveMaximum { get; init; } = 10_000;

    /// <summary>
    /// Embedded broker: a device's PUBACK follows a write of its message to the ingest journal (one
    /// disk flush shared by every connection) rather than the database commit. Both survive a crash.
    /// </summary>
    public bool Journal { get; init; } = true;

    /// <summary>Where the journal's segment files are: by default beside the SQLite file, or the app's data folder.</summary>
    public string? JournalFolder { get; init; }

    /// <summary>The largest payload accepted; bigger ones are quarantined.</summary>
    [Range(64, 1_048_576)]
    public int MaxPayloadBytes { get; init; } = 16_384;
}
