using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>The one table of legal equipment state changes.</summary>
public static class EquipmentStateMachine
{
    private static readonly Dictionary<EquipmentState, EquipmentState[]> Allowed = new()
    {
        // Power loss or a lost connection can happen in any state; a fault likewise.
        [EquipmentState.Offline] = [EquipmentState.Idle, EquipmentState.Down, EquipmentState.Maintenance],
        [EquipmentState.Idle] = [EquipmentState.Running, EquipmentState.Cleaning, EquipmentState.Maintenance, EquipmentState.Down, EquipmentState.Offline],
        [EquipmentState.Running] = [EquipmentState.Idle, EquipmentState.Held, EquipmentState.Down, EquipmentState.Offline],
        [EquipmentState.Held] = [EquipmentState.Running, EquipmentState.Idle, EquipmentState.Down, EquipmentState.Offline],
        // A fault is cleared to Idle or handed to maintenance; it never resumes production directly.
        [EquipmentState.Down] = [EquipmentState.Idle, EquipmentState.Maintenance, EquipmentState.Offline],
        [EquipmentState.Maintenance] = [EquipmentState.Idle, EquipmentState.Down, EquipmentState.Offline],
        [EquipmentState.Cleaning] = [EquipmentState.Idle, EquipmentState.Down, EquipmentState.Offline],
    };

    public static bool CanChange(EquipmentState from, EquipmentState to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyCollection<EquipmentState> NextStates(EquipmentState from) => Array.AsReadOnly(Allowed[from]);

    public static void EnsureCanChange(EquipmentState from, EquipmentState to)
    {
        if (from == to)
            throw new DomainException($"The equipment is already {to}.");
        if (!CanChange(from, to))
            throw new DomainException(
                $"Equipment cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed[from])}.");
    }
}
