using System.Collections.Concurrent;

namespace PharmaMes.Infrastructure.Live;

/// <summary>
/// The latest-value cache of the whole plant: this node's ingest updates it after each commit, before publishing the events,
/// and it follows the other nodes' events (states and telemetry they stored), so each node's screens show the whole plant.
/// </summary>
public sealed class LivePlant
{
    private readonly ConcurrentDictionary<string, EquipmentLiveState> _equipment = new(StringComparer.OrdinalIgnoreCase);

    public LivePlant(LiveEvents events)
    {
        events.Subscribe<TelemetryUpdated>(ApplyHeard, LiveEventScope.OtherNodes);
        events.Subscribe<EquipmentStateChanged>(Apply, LiveEventScope.OtherNodes);
    }

    public EquipmentLiveState For(string equipmentCode, string lineCode) =>
        _equipment.GetOrAdd(equipmentCode, code => new EquipmentLiveState(code, lineCode));

    public EquipmentLiveState? Find(string equipmentCode) => _equipment.GetValueOrDefault(equipmentCode);

    public IReadOnlyCollection<EquipmentLiveState> All => _equipment.Values.ToList();

    /// <summary>Values stored by this node's ingest (which marks the batch's equipment as heard from once, itself).</summary>
    public void Apply(TelemetryUpdated telemetry)
    {
        var state = For(telemetry.EquipmentCode, telemetry.LineCode);
        foreach (var (tag, value) in telemetry.Values)
            state.Record(tag, value, telemetry.At);
    }

    /// <summary>Values another node stored: its device was heard from then.</summary>
    private void ApplyHeard(TelemetryUpdated telemetry)
    {
        Apply(telemetry);
        For(telemetry.EquipmentCode, telemetry.LineCode).Touched(telemetry.At);
    }

    public void Apply(EquipmentStateChanged change) =>
        For(change.EquipmentCode, change.LineCode).SetState(change.State, change.Since, change.Reason);
}
