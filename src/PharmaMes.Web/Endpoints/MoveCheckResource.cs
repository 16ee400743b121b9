using PharmaMes.Infrastructure.Planning;

namespace PharmaMes.Web.Endpoints;

/// <summary>A move checked: <c>canStand</c>, and why not (<c>problems</c>), or the orders whose plan it changes.</summary>
public sealed record MoveCheckResource(bool CanStand, IReadOnlyList<string> Problems, IReadOnlyList<ImpactedOrderResource> Orders)
{
    public static MoveCheckResource Of(MoveCheck check) =>
        new(check.CanStand, check.Problems, [.. check.Orders.Select(o => new ImpactedOrderResource(o.OrderNumber, o.CustomerReference, o.DueDate,
            o.OldPlannedEnd, o.NewPlannedEnd, o.DelayMinutes, o.MissesDueDate, []))]);
}
