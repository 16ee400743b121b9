using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Erp;

/// <summary>The master data of one material as the ERP holds it.</summary>
public sealed record MaterialMasterData(string Code, string Name, MaterialType Type, string Unit, decimal ReorderPoint, decimal SafetyStock);
