namespace PharmaMes.Domain.Planning;

/// <summary>What a schedule must satisfy: the orders, the equipment, and when the equipment cannot run.</summary>
/// <param name="Now">Nothing is placed before this.</param>
public sealed record PlanningProblem(DateTimeOffset Now, IReadOnlyList<PlanningOrder> Orders, IReadOnlyList<PlanningEquipment> Equipment,
    IReadOnlyList<Unavailability> Unavailable)
{
    public PlanningEquipment? FindEquipment(string code) => Equipment.FirstOrDefault(e => e.Code == code);

    /// <summary>The changeover needed on <paramref name="equipment"/> between two products (none for the same product).</summary>
    public TimeSpan ChangeoverBetween(string equipment, string? before, string after) =>
        before is null || before == after ? TimeSpan.Zero : FindEquipment(equipment)?.Changeover ?? TimeSpan.Zero;
}
