namespace PharmaMes.Infrastructure.Production;

/// <summary>One piece of equipment an operator may pick for a step, or why it is blocked (equipment gating).</summary>
public sealed record EquipmentChoice(string Code, string Name, string State, IReadOnlyList<string> Blocked)
{
    public bool IsUsable => Blocked.Count == 0;
}
