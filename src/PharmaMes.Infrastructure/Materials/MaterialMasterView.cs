using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>A material's master data as stored.</summary>
public sealed record MaterialMasterView(string Code, string Name, MaterialType Type, string Unit, decimal ReorderPoint, decimal SafetyStock,
    int? ShelfLifeDays, string? StorageCondition)
{
    public static MaterialMasterView Of(Material m) =>
        new(m.Code.Value, m.Name, m.Type, m.Unit.Symbol, m.ReorderPoint, m.SafetyStock, m.ShelfLifeDays, m.StorageCondition);
}
