using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>A lot with its material, quality status, expiry, stock on hand and ledger movements (oldest first).</summary>
public sealed record LotResource(
    string Number,
    string Material,
    string MaterialName,
    LotStatus Status,
    DateOnly ExpiryDate,
    string? SupplierLot,
    DateTimeOffset ReceivedAt,
    decimal OnHand,
    string Unit,
    IReadOnlyList<LotMovementResource> Movements)
{
    public static LotResource Of(LotDetails l) =>
        new(l.Number, l.Material, l.MaterialName, l.Status, l.ExpiryDate, l.SupplierLot, l.ReceivedAt, l.OnHand, l.Unit,
            l.Movements.Select(LotMovementResource.Of).ToList());
}
