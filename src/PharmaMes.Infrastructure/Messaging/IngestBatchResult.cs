using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>What one committed batch changed, to push to the live plant after the commit.</summary>
public sealed class IngestBatchResult
{
    public int Quarantined { get; private set; }
    /// <summary>How many of <see cref="Quarantined"/> were set aside for each reason code.</summary>
    public Dictionary<string, int> QuarantinedByReason { get; } = new(StringComparer.Ordinal);
    public List<TelemetryUpdated> Telemetry { get; } = [];
    public List<EquipmentStateChanged> StateChanges { get; } = [];
    public List<AlertRaised> Alerts { get; } = [];
    /// <summary>Equipment that sent anything valid in this batch, with when.</summary>
    public Dictionary<string, (string Line, DateTimeOffset At)> Seen { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void SetAside(string reasonCode)
    {
        Quarantined++;
        QuarantinedByReason[reasonCode] = QuarantinedByReason.GetValueOrDefault(reasonCode) + 1;
    }

    public void Add(IngestBatchResult other)
    {
        Quarantined += other.Quarantined;
        foreach (var (reason, count) in other.QuarantinedByReason)
            QuarantinedByReason[reason] = QuarantinedByReason.GetValueOrDefault(reason) + count;
        Telemetry.AddRange(other.Telemetry);
        StateChanges.AddRange(other.StateChanges);
        Alerts.AddRange(other.Alerts);
        foreach (var (code, seen) in other.Seen)
            Seen[code] = seen;
    }
}
