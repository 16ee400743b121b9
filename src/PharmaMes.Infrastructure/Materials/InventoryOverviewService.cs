using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// The planners' live inventory, per material: stock by lot status from the lot balances, what open
/// orders still need (allocated), what is left (available), the last hour's consumption and when
/// available stock runs out at that rate. A handful of set queries, whatever the number of materials.
/// </summary>
public sealed class InventoryOverviewService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<MaterialInventoryFigures>> ListAsync(IReadOnlyCollection<string>? codes = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var materialQuery = db.Materials.AsNoTracking();
        if (codes is not null)
        {
            var wanted = codes.Select(c => new MaterialCode(c)).ToList();
            materialQuery = materialQuery.Where(m => wanted.Contains(m.Code));
        }
        var materials = await materialQuery.Select(m => new { m.Id, m.Code, m.Name, m.Type, m.Unit, m.ReorderPoint, m.SafetyStock }).ToListAsync(cancellationToken);
        var ids = materials.Select(m => m.Id).ToList();
        var filter = codes is not null;

        var stock = await (from b in db.LotBalances.AsNoTracking()
                           join l in db.MaterialLots.AsNoTracking() on b.LotId equals l.Id
                           where !filter || ids.Contains(b.MaterialId)
                           select new { b.MaterialId, b.OnHand, l.Status, l.ExpiryDate }).ToListAsync(cancellationToken);
        var byMaterial = stock.Where(s => s.OnHand > 0).ToLookup(s => s.MaterialId);

        var since = now.AddHours(-1);
        var consumed = await db.InventoryLedger.AsNoTracking()
            .Where(e => e.Movement == InventoryMovement.IssueToBatch && e.OccurredAt >= since && (!filter || ids.Contains(e.MaterialId)))
            .GroupBy(e => e.MaterialId).Select(g => new { MaterialId = g.Key, Issued = -g.Sum(e => e.Change) })
            .ToDictionaryAsync(x => x.MaterialId, x => x.Issued, cancellationToken);

        var allocated = await AllocatedAsync(db, cancellationToken);

        return materials
            .OrderBy(m => m.Type).ThenBy(m => m.Code.Value, StringComparer.Ordinal)
            .Select(m =>
            {
                var lots = byMaterial[m.Id].ToList();
                var expired = lots.Where(l => l.Status == LotStatus.Expired || (l.Status == LotStatus.Released && l.ExpiryDate < today)).ToList();
                var released = lots.Where(l => l.Status == LotStatus.Released && l.ExpiryDate >= today).ToList();
                var quarantine = lots.Where(l => l.Status == LotStatus.Quarantine).ToList();
                var rejected = lots.Where(l => l.Status == LotStatus.Rejected).ToList();
                var need = allocated.GetValueOrDefault(m.Code.Value);
                var rate = consumed.GetValueOrDefault(m.Id);
                var available = released.Sum(l => l.OnHand) - need;
                DateTimeOffset? stockOut = rate <= 0 ? null
                    : available <= 0 ? now
                    : now + TimeSpan.FromHours((double)(available / rate));
                return new MaterialInventoryFigures(m.Code.Value, m.Name, m.Type, m.Unit.Symbol,
                    released.Sum(l => l.OnHand), released.Count, quarantine.Sum(l => l.OnHand), quarantine.Count,
                    rejected.Sum(l => l.OnHand), rejected.Count, expired.Sum(l => l.OnHand), expired.Count,
                    need, m.ReorderPoint, m.SafetyStock, rate, stockOut);
            })
            .ToList();
    }

    /// <summary>The procurement alerts still active, newest first.</summary>
    public async Task<IReadOnlyList<PharmaMes.Domain.Alerts.Alert>> ActiveAlertsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kinds = new[] { PharmaMes.Domain.Alerts.AlertKind.BelowReorderPoint, PharmaMes.Domain.Alerts.AlertKind.StockOutProjected };
        return await db.Alerts.AsNoTracking().Where(a => a.ClearedAt == null && kinds.Contains(a.Kind))
            .OrderByDescending(a => a.RaisedAt).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// What released and running orders still need, per material code: the recipe's bill of materials
    /// scaled from its standard batch to the order, less what was already issued to the order's batches.
    /// </summary>
    private static async Task<Dictionary<string, decimal>> AllocatedAsync(MesDbContext db, CancellationToken cancellationToken)
    {
        var orders = await db.ProductionOrders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Released || o.Status == OrderStatus.InProgress)
            .Select(o => new { o.Id, o.ProductCode, o.Quantity }).ToListAsync(cancellationToken);
        if (orders.Count == 0)
            return [];
        var products = orders.Select(o => o.ProductCode).Distinct().ToList();
        var recipes = (await db.MasterRecipes.AsNoTracking().Include(r => r.BillOfMaterials)
                .Where(r => products.Contains(r.ProductCode) && r.Status == RecipeStatus.Approved).ToListAsync(cancellationToken))
            .GroupBy(r => r.ProductCode).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Version).First());
        var orderIds = orders.Select(o => o.Id).ToList();
        var batches = await db.Batches.AsNoTracking().Where(b => orderIds.Contains(b.OrderId))
            .Select(b => new { b.OrderId, b.Number }).ToListAsync(cancellationToken);
        var batchNumbers = batches.Select(b => b.Number.Value).ToList();
        var issued = await (from e in db.InventoryLedger.AsNoTracking()
                            join m in db.Materials.AsNoTracking() on e.MaterialId equals m.Id
                            where e.Movement == InventoryMovement.IssueToBatch && batchNumbers.Contains(e.Reference!)
                            select new { e.Reference, m.Code, e.Change }).ToListAsync(cancellationToken);
        var orderOfBatch = batches.ToDictionary(b => b.Number.Value, b => b.OrderId);
        var issuedByOrder = issued.GroupBy(i => (Order: orderOfBatch[i.Reference!], Material: i.Code.Value))
            .ToDictionary(g => g.Key, g => -g.Sum(i => i.Change));

        var allocated = new Dictionary<string, decimal>();
        foreach (var order in orders)
        {
            if (!recipes.TryGetValue(order.ProductCode, out var recipe) || recipe.StandardBatchSize.Amount <= 0
                || recipe.StandardBatchSize.Unit != order.Quantity.Unit)
                continue;
            var scale = order.Quantity.Amount / recipe.StandardBatchSize.Amount;
            foreach (var line in recipe.BillOfMaterials)
            {
                var code = line.MaterialCode.Value;
                var open = line.Quantity.Amount * scale - issuedByOrder.GetValueOrDefault((order.Id, code));
                if (open > 0)
                    allocated[code] = allocated.GetValueOrDefault(code) + open;
            }
        }
        return allocated;
    }
}
