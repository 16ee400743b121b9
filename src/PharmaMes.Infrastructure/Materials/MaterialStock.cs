using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>A material with its stock on hand split by lot status.</summary>
public sealed record MaterialStock(
    string Code,
    string Name,
    MaterialType Type,
    string Unit,
    decimal ReorderPoint,
    decimal SafetyStock,
    IReadOnlyList<LotStatusStock> ByStatus)
{
    /// <summary>Usable stock first, then what may become usable, then what never will.</summary>
    public static readonly IReadOnlyList<LotStatus> StatusOrder = [LotStatus.Released, LotStatus.Quarantine, LotStatus.Rejected, LotStatus.Expired];

    public decimal Released => ByStatus.FirstOrDefault(s => s.Status == LotStatus.Released)?.OnHand ?? 0m;
    public bool IsBelowReorderPoint => Released < ReorderPoint;
    public bool IsBelowSafetyStock => Released < SafetyStock;
}

/// <summary>The lots of one status and the quantity they hold; every status is listed, also when empty.</summary>
public sealed record LotStatusStock(LotStatus Status, int Lots, decimal OnHand);
