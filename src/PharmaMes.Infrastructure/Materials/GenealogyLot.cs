using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// A lot in a genealogy tree. <see cref="Quantity"/> is what moved along the edge from its parent
/// batch (issued to it, or produced by it); null for the lot asked about. A lot already shown
/// higher in the tree is marked <see cref="Repeated"/> and not expanded again.
/// </summary>
public sealed record GenealogyLot(
    string Lot, string Material, string MaterialName, LotStatus Status, DateOnly ExpiryDate, decimal OnHand, string Unit,
    decimal? Quantity, bool Repeated, IReadOnlyList<GenealogyBatch> Batches);
