namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// A batch in a genealogy tree: the one that produced the lot above it (backward), or one that used
/// it (forward), with the quantity of that lot it issued and the lots on its other side.
/// Product and state are null for a batch the ledger names but the MES does not hold.
/// </summary>
public sealed record GenealogyBatch(string Batch, string? Product, string? State, string? Disposition, decimal Quantity, string Unit, IReadOnlyList<GenealogyLot> Lots);
