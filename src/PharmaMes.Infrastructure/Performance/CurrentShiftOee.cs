using System.Collections.Concurrent;
using PharmaMes.Domain.Performance;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// Each equipment's OEE in its line's current shift, as the OEE watch last computed it (every minute): the live tiles read
/// it here instead of computing OEE on every render.
/// </summary>
public sealed class CurrentShiftOee
{
    public sealed record Entry(string Shift, DateTimeOffset ShiftStart, OeeFigures Figures, DateTimeOffset At);

    private readonly ConcurrentDictionary<string, Entry> _byEquipment = new(StringComparer.OrdinalIgnoreCase);

    public Entry? Find(string equipmentCode) => _byEquipment.GetValueOrDefault(equipmentCode);

    internal void Set(string equipmentCode, Entry entry) => _byEquipment[equipmentCode] = entry;
}
