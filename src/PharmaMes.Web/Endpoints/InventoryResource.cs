using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// A material's stock by lot status against its reorder levels; below the reorder point counts Released
/// stock only. The lots are listed when one material is asked for (null in the list of all).
/// </summary>
public sealed record InventoryResource(
    string Code,
    string Name,
    MaterialType Type,
    string Unit,
    StockByStatusResource OnHand,
    decimal ReorderPoint,
    decimal SafetyStock,
    bool BelowReorderPoint,
    IReadOnlyList<LotOnHandResource>? Lots)
{
    public static InventoryResource Of(MaterialStock s) =>
        new(s.Code, s.Name, s.Type, s.Unit, StockByStatusResource.Of(s), s.ReorderPoint, s.SafetyStock, s.IsBelowReorderPoint, null);

    public static InventoryResource Of(MaterialInventory m) =>
        Of(m.Stock) with { Lots = m.Lots.Select(LotOnHandResource.Of).ToList() };
}
