using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// The time-phased material view: walks the schedule in force in time order, takes from each material's stock what
/// each operation's step consumes (the recipe's bill of materials lines of that step, scaled to what the order still
/// makes: its open batch, else the order; a line of a step that needs no equipment goes with the operation before it),
/// and names
/// the moment each material runs short and the orders it then lacks for. Stock is what planning counts on
/// (<see cref="MaterialSupplies"/>): released lots now, lots received into Quarantine from their expected release.
/// </summary>
public sealed class MaterialPlanService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock, IOptions<PlanningOptions> options)
{
    public async Task<IReadOnlyList<MaterialShortfall>> ShortfallsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var operations = await db.ScheduledOperations.AsNoTracking().ToListAsync(cancellationToken);
        if (operations.Count == 0)
            return [];
        var now = clock.GetUtcNow();
        var numbers = operations.Select(o => o.OrderNumber).Distinct().Select(n => new OrderNumber(n)).ToList();
        var orders = await db.ProductionOrders.AsNoTracking().Where(o => numbers.Contains(o.Number)).ToDictionaryAsync(o => o.Number.Value, cancellationToken);
        var products = orders.Values.Select(o => o.ProductCode).Distinct().ToList();
        var recipes = (await db.MasterRecipes.AsNoTracking().Include(r => r.BillOfMaterials)
                .Where(r => r.Status == RecipeStatus.Approved && products.Contains(r.ProductCode)).ToListAsync(cancellationToken))
            .GroupBy(r => r.ProductCode).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Version).First());
        var orderIds = orders.Values.Select(o => o.Id).ToList();
        var making = (await db.Batches.AsNoTracking()
                .Where(b => orderIds.Contains(b.OrderId) && (b.State == BatchState.Created || b.State == BatchState.Running || b.State == BatchState.Held))
                .ToListAsync(cancellationToken))
            .GroupBy(b => b.OrderId).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.CreatedAt).First().PlannedQuantity);
        var supplies = (await MaterialSupplies.ReadAsync(db, now, TimeSpan.FromDays(options.Value.QuarantineReleaseDays), cancellationToken))
            .ToLookup(s => s.Material, StringComparer.Ordinal);
        var units = (await db.Materials.AsNoTracking().Select(m => new { m.Code, m.Unit }).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Code.Value, m => m.Unit.Symbol, StringComparer.Ordinal);

        var consumed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var shortAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var shortBy = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var lacking = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var charges = new List<(DateTimeOffset At, string Order, string Material, decimal Quantity)>();
        foreach (var scheduled in operations.GroupBy(o => o.OrderNumber))
        {
            if (!orders.TryGetValue(scheduled.Key, out var order) || !recipes.TryGetValue(order.ProductCode, out var recipe))
                continue;
            var quantity = making.TryGetValue(order.Id, out var batch) ? batch : order.Quantity;
            var scale = quantity.Unit == recipe.StandardBatchSize.Unit && quantity.Amount > 0 ? recipe.ScaleFactorFor(quantity) : 1m;
            var steps = scheduled.OrderBy(o => o.Step).ToList();
            foreach (var line in recipe.BillOfMaterials)
            {
                // Before the first step scheduled: with the first operation, unless a batch of the order has begun (then it has run).
                var operation = steps.LastOrDefault(o => o.Step <= line.StepNumber) ?? (making.ContainsKey(order.Id) ? null : steps[0]);
                if (operation is not null)
                    charges.Add((operation.PlannedStart, order.Number.Value, line.MaterialCode.Value, line.ScaledBy(scale).Amount));
            }
        }
        foreach (var charge in charges.OrderBy(c => c.At).ThenBy(c => c.Order, StringComparer.Ordinal))
        {
            var code = charge.Material;
            consumed[code] = consumed.GetValueOrDefault(code) + charge.Quantity;
            var missing = consumed[code] - supplies[code].Where(s => s.From <= charge.At).Sum(s => s.Quantity);
            if (missing <= 0)
                continue;
            shortAt.TryAdd(code, charge.At);
            shortBy[code] = Math.Max(shortBy.GetValueOrDefault(code), missing);
            var list = lacking.TryGetValue(code, out var found) ? found : lacking[code] = [];
            if (!list.Contains(charge.Order))
                list.Add(charge.Order);
        }
        return [.. shortAt.OrderBy(s => s.Value).Select(s => new MaterialShortfall(s.Key, units.GetValueOrDefault(s.Key, ""),
            supplies[s.Key].Where(x => x.From <= now).Sum(x => x.Quantity), s.Value, shortBy[s.Key], lacking[s.Key]))];
    }
}
