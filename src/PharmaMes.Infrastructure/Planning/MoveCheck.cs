using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>A move checked before it is confirmed: why it cannot stand, or the orders whose plan it changes.</summary>
public sealed record MoveCheck(IReadOnlyList<string> Problems, IReadOnlyList<ImpactedOrder> Orders)
{
    public bool CanStand => Problems.Count == 0;
}
