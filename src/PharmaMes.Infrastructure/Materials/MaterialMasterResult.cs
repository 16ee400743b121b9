namespace PharmaMes.Infrastructure.Materials;

/// <summary>The material after an upsert, and whether it was new.</summary>
public sealed record MaterialMasterResult(bool Created, MaterialMasterView Material);
