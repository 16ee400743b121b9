using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>The master data of one material.</summary>
public sealed record MaterialMasterResource(string Code, string Name, MaterialType Type, string Unit, decimal ReorderPoint, decimal SafetyStock,
    int? ShelfLifeDays, string? StorageCondition)
{
    public static MaterialMasterResource Of(MaterialMasterView m) =>
        new(m.Code, m.Name, m.Type, m.Unit, m.ReorderPoint, m.SafetyStock, m.ShelfLifeDays, m.StorageCondition);
}
