using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// A lot's genealogy as a tree: lots hold the batches on their far side, batches the lots on theirs.
/// Backward from a finished lot reaches every raw-material lot in it; forward from a raw lot, every
/// batch and finished lot that used it.
/// </summary>
public sealed record LotGenealogyResource(string Direction, int Levels, bool Truncated, GenealogyLotResource Lot)
{
    public static LotGenealogyResource Of(GenealogyTree tree) =>
        new(tree.Direction.ToString().ToLowerInvariant(), tree.Levels, tree.Truncated, GenealogyLotResource.Of(tree.Root));
}

public sealed record GenealogyLotResource(
    string Lot, string Material, string MaterialName, string Status, DateOnly ExpiryDate, decimal OnHand, string Unit,
    decimal? Quantity, bool Repeated, IReadOnlyList<GenealogyBatchResource> Batches)
{
    public static GenealogyLotResource Of(GenealogyLot lot) =>
        new(lot.Lot, lot.Material, lot.MaterialName, lot.Status.ToString(), lot.ExpiryDate, lot.OnHand, lot.Unit, lot.Quantity, lot.Repeated,
            lot.Batches.Select(GenealogyBatchResource.Of).ToList());
}

public sealed record GenealogyBatchResource(string Batch, string? Product, string? State, string? Disposition, decimal Quantity, string Unit, IReadOnlyList<GenealogyLotResource> Lots)
{
    public static GenealogyBatchResource Of(GenealogyBatch batch) =>
        new(batch.Batch, batch.Product, batch.State, batch.Disposition, batch.Quantity, batch.Unit, batch.Lots.Select(GenealogyLotResource.Of).ToList());
}
