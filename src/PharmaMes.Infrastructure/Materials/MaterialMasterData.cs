using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>The master data of one material as the ERP (or a planner) holds it; shelf life and storage are optional.</summary>
public sealed record MaterialMasterData(string Code, string Name, MaterialType Type, string Unit, decimal ReorderPoint, decimal SafetyStock,
    int? ShelfLifeDays = null, string? StorageCondition = null);
