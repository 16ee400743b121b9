using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// Lot genealogy from the inventory ledger, through every level: backward (the batch that produced
/// a lot, the lots issued to that batch, the batches that produced those...) and forward (the
/// batches a lot was issued to, the lots they produced...). The ledger is the one record of both
/// edges: IssueToBatch entries name the batch they fed, OutputFromBatch entries the batch that made
/// the lot. Read level by level, a few queries per level, however wide the tree.
/// </summary>
public sealed class LotGenealogyService(IDbContextFactory<MesDbContext> contexts)
{
    /// <summary>Levels of batches followed before a branch is cut (and the cut reported).</summary>
    public const int MaxLevels = 20;

    public async Task<GenealogyTree?> GetAsync(string lotNumber, GenealogyDirection direction, CancellationToken cancellationToken = default)
    {
        if (LotNumber.TryParse(lotNumber) is not { } number)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var root = await db.MaterialLots.AsNoTracking().Where(l => l.Number == number).Select(l => l.Id).SingleOrDefaultAsync(cancellationToken);
        if (root == Guid.Empty)
            return null;

        // Walk the ledger level by level, collecting the edges.
        var lotToBatches = new Dictionary<Guid, List<(string Batch, decimal Quantity)>>();
        var batchToLots = new Dictionary<string, List<(Guid Lot, decimal Quantity)>>();
        var seenLots = new HashSet<Guid> { root };
        var seenBatches = new HashSet<string>();
        var frontier = new List<Guid> { root };
        var levels = 0;
        var truncated = false;
        while (frontier.Count > 0)
        {
            if (levels == MaxLevels)
            {
                truncated = true;
                break;
            }
            var (lotEdges, batchEdges) = direction == GenealogyDirection.Backward
                ? await BackwardLevelAsync(db, frontier, cancellationToken)
                : await ForwardLevelAsync(db, frontier, cancellationToken);
            if (lotEdges.Count == 0)
                break;
            levels++;
            foreach (var edge in lotEdges)
                Add(lotToBatches, edge.Lot, (edge.Batch, edge.Quantity));
            var newBatches = lotEdges.Select(e => e.Batch).Where(seenBatches.Add).ToHashSet();
            foreach (var edge in batchEdges.Where(e => newBatches.Contains(e.Batch)))
                Add(batchToLots, edge.Batch, (edge.Lot, edge.Quantity));
            frontier = batchEdges.Where(e => newBatches.Contains(e.Batch)).Select(e => e.Lot).Where(seenLots.Add).ToList();
        }

        var lots = await db.MaterialLots.AsNoTracking().Where(l => seenLots.Contains(l.Id))
            .Join(db.Materials.AsNoTracking(), l => l.MaterialId, m => m.Id, (l, m) => new { l.Id, l.Number, l.Status, l.ExpiryDate, m.Code, m.Name, m.Unit })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var onHand = await db.LotBalances.AsNoTracking().Where(b => seenLots.Contains(b.LotId))
            .ToDictionaryAsync(b => b.LotId, b => b.OnHand, cancellationToken);
        var batchNumbers = seenBatches.Select(b => new BatchNumber(b)).ToList();
        var batches = (await db.Batches.AsNoTracking().Where(b => batchNumbers.Contains(b.Number))
                .Select(b => new { b.Number, b.ProductCode, b.State, b.Disposition }).ToListAsync(cancellationToken))
            .ToDictionary(b => b.Number.Value);

        var shown = new HashSet<Guid>();
        GenealogyLot Lot(Guid id, decimal? quantity)
        {
            var lot = lots[id];
            var repeated = !shown.Add(id);
            var children = repeated ? [] : lotToBatches.GetValueOrDefault(id, [])
                .GroupBy(e => e.Batch).Select(g => Batch(g.Key, g.Sum(e => e.Quantity), lot.Unit.Symbol)).ToList();
            return new GenealogyLot(lot.Number.Value, lot.Code.Value, lot.Name, lot.Status, lot.ExpiryDate, onHand.GetValueOrDefault(id), lot.Unit.Symbol,
                quantity, repeated, children);
        }
        GenealogyBatch Batch(string number, decimal quantity, string unit)
        {
            var batch = batches.GetValueOrDefault(number);
            var children = batchToLots.GetValueOrDefault(number, [])
                .GroupBy(e => e.Lot).Select(g => Lot(g.Key, g.Sum(e => e.Quantity)))
                .OrderBy(l => l.Material, StringComparer.Ordinal).ThenBy(l => l.Lot, StringComparer.Ordinal).ToList();
            return new GenealogyBatch(number, batch?.ProductCode.Value, batch?.State.ToString(), batch?.Disposition.ToString(), quantity, unit, children);
        }
        return new GenealogyTree(direction, Lot(root, null), levels, truncated);
    }

    /// <summary>Backward: the batches that produced these lots, and the lots issued to those batches.</summary>
    private static async Task<(List<Edge> LotEdges, List<Edge> BatchEdges)> BackwardLevelAsync(MesDbContext db, List<Guid> lots, CancellationToken cancellationToken)
    {
        var produced = await db.InventoryLedger.AsNoTracking()
            .Where(e => lots.Contains(e.LotId) && e.Movement == InventoryMovement.OutputFromBatch && e.Reference != null)
            .Select(e => new { e.LotId, e.Reference, e.Change }).ToListAsync(cancellationToken);
        var batches = produced.Select(p => p.Reference!).Distinct().ToList();
        var issued = await db.InventoryLedger.AsNoTracking()
            .Where(e => batches.Contains(e.Reference!) && e.Movement == InventoryMovement.IssueToBatch)
            .Select(e => new { e.LotId, e.Reference, e.Change }).ToListAsync(cancellationToken);
        return (produced.Select(p => new Edge(p.LotId, p.Reference!, p.Change)).ToList(),
            issued.Select(i => new Edge(i.LotId, i.Reference!, -i.Change)).ToList());
    }

    /// <summary>Forward: the batches these lots were issued to, and the lots those batches produced.</summary>
    private static async Task<(List<Edge> LotEdges, List<Edge> BatchEdges)> ForwardLevelAsync(MesDbContext db, List<Guid> lots, CancellationToken cancellationToken)
    {
        var issued = await db.InventoryLedger.AsNoTracking()
            .Where(e => lots.Contains(e.LotId) && e.Movement == InventoryMovement.IssueToBatch && e.Reference != null)
            .Select(e => new { e.LotId, e.Reference, e.Change }).ToListAsync(cancellationToken);
        var batches = issued.Select(i => i.Reference!).Distinct().ToList();
        var produced = await db.InventoryLedger.AsNoTracking()
            .Where(e => batches.Contains(e.Reference!) && e.Movement == InventoryMovement.OutputFromBatch)
            .Select(e => new { e.LotId, e.Reference, e.Change }).ToListAsync(cancellationToken);
        return (issued.Select(i => new Edge(i.LotId, i.Reference!, -i.Change)).ToList(),
            produced.Select(p => new Edge(p.LotId, p.Reference!, p.Change)).ToList());
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(value);
    }

    private readonly record struct Edge(Guid Lot, string Batch, decimal Quantity);
}
