using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>The one table of legal equipment status changes (the hygiene and availability lifecycle).</summary>
public static class EquipmentStatusMachine
{
    private static readonly Dictionary<EquipmentStatus, EquipmentStatus[]> Allowed = new()
    {
        // A clean unit may be re-cleaned (Cleaning) when its hold time runs out, taken by a batch step, or serviced.
        [EquipmentStatus.Clean] = [EquipmentStatus.InUse, EquipmentStatus.Cleaning, EquipmentStatus.Dirty, EquipmentStatus.Maintenance, EquipmentStatus.Retired],
        // Product touched it: only the end of the step frees it, and it is then dirty.
        [EquipmentStatus.InUse] = [EquipmentStatus.Dirty],
        // Only the batch that dirtied it may take a dirty unit again (Equipment checks which batch).
        [EquipmentStatus.Dirty] = [EquipmentStatus.InUse, EquipmentStatus.Cleaning, EquipmentStatus.Maintenance, EquipmentStatus.Retired],
        // A verified cleaning makes it clean; a cleaning abandoned or refused leaves it dirty.
        [EquipmentStatus.Cleaning] = [EquipmentStatus.Clean, EquipmentStatus.Dirty],
        // Maintenance opens product-contact parts: the unit comes back dirty and is cleaned before use.
        [EquipmentStatus.Maintenance] = [EquipmentStatus.Dirty, EquipmentStatus.Retired],
        [EquipmentStatus.CalibrationDue] = [],
        [EquipmentStatus.Retired] = [],
    };

    public static bool CanChange(EquipmentStatus from, EquipmentStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyCollection<EquipmentStatus> NextStatuses(EquipmentStatus from) => Array.AsReadOnly(Allowed[from]);

    public static void EnsureCanChange(EquipmentStatus from, EquipmentStatus to, PlantCode equipment)
    {
        if (from == to)
            throw new DomainException($"{equipment} is already {to}.");
        if (!CanChange(from, to))
            throw new DomainException(Allowed[from].Length == 0
                ? $"{equipment} is {from}: its status can no longer change."
                : $"{equipment} cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed[from])}.");
    }
}
