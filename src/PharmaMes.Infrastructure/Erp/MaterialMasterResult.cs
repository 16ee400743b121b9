namespace PharmaMes.Infrastructure.Erp;

/// <summary>The material after an upsert, and whether it was new.</summary>
public sealed record MaterialMasterResult(bool Created, MaterialMasterView Material);
