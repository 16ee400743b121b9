using System.Collections.Concurrent;

namespace PharmaMes.Infrastructure.Live;

/// <summary>The latest-value cache of the whole plant, filled by the ingest pipeline after each commit.</summary>
public sealed class LivePlant
{
    private readonly ConcurrentDictionary<string, EquipmentLiveState> _equipment = new(StringComparer.OrdinalIgnoreCase);

    public EquipmentLiveState For(string equipmentCode, string lineCode) =>
        _equipment.GetOrAdd(equipmentCode, code => new EquipmentLiveState(code, lineCode));

    public EquipmentLiveState? Find(string equipmentCode) => _equipment.GetValueOrDefault(equipmentCode);

    public IReadOnlyCollection<EquipmentLiveState> All => _equipment.Values.ToList();
}
