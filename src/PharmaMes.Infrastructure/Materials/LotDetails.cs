using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>A lot with its material, status, stock on hand and every ledger movement, oldest first.</summary>
public sealed record LotDetails(
    string Number,
    string Material,
    string MaterialName,
    LotStatus Status,
    DateOnly ExpiryDate,
    string? SupplierLot,
    DateTimeOffset ReceivedAt,
    decimal OnHand,
    string Unit,
    IReadOnlyList<LotMovement> Movements);
