using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>One ledger movement of a lot: positive adds stock, negative removes it.</summary>
public sealed record LotMovementResource(InventoryMovement Movement, decimal Change, string Unit, DateTimeOffset OccurredAt, string? Reference, string? Reason, string RecordedBy)
{
    public static LotMovementResource Of(LotMovement m) => new(m.Movement, m.Change, m.Unit, m.OccurredAt, m.Reference, m.Reason, m.RecordedBy);
}
