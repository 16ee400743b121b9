using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// The time-phased material view: walks the schedule in force in time order, takes from each material's usable
/// released stock what each operation's step consumes (the recipe's bill of materials lines of that step, scaled to the
/// order), and names the moment each material runs short and the orders it then lacks for. Lots in Quarantine are not
/// counted: nothing says when QA will release them.
/// </summary>
public sealed class MaterialPlanService(IDbContextFactory<MesDbContext> contexts, InventoryOverviewService inventory)
{
    public async Task<IReadOnlyList<MaterialShortfall>> ShortfallsAsync(CancellationToken cancellationToken = default) =>
        await ShortfallsAsync(await inventory.ListAsync(cancellationToken: cancellationToken), cancellationToken);

    /// <summary>The same, against stock figures the caller has just read (the inventory page reads them anyway).</summary>
    public async Task<IReadOnlyList<MaterialShortfall>> ShortfallsAsync(IReadOnlyList<MaterialInventoryFigures> figures,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var operations = await db.ScheduledOperations.AsNoTracking().ToListAsync(cancellationToken);
        if (operations.Count == 0)
            return [];
        var numbers = operations.Select(o => o.OrderNumber).Distinct().Select(n => new OrderNumber(n)).ToList();
        var orders = await db.ProductionOrders.AsNoTracking().Where(o => numbers.Contains(o.Number)).ToDictionaryAsync(o => o.Number.Value, cancellationToken);
        var products = orders.Values.Select(o => o.ProductCode).Distinct().ToList();
        var recipes = (await db.MasterRecipes.AsNoTracking().Include(r => r.BillOfMaterials)
                .Where(r => r.Status == RecipeStatus.Approved && products.Contains(r.ProductCode)).ToListAsync(cancellationToken))
            .GroupBy(r => r.ProductCode).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Version).First());
        var stock = figures.ToDictionary(m => m.Code, m => (m.Released, m.Unit));

        var left = stock.ToDictionary(s => s.Key, s => s.Value.Released);
        var shortAt = new Dictionary<string, DateTimeOffset>();
        var lacking = new Dictionary<string, List<string>>();
        foreach (var operation in operations.OrderBy(o => o.PlannedStart).ThenBy(o => o.OrderNumber, StringComparer.Ordinal))
        {
            if (!orders.TryGetValue(operation.OrderNumber, out var order) || !recipes.TryGetValue(order.ProductCode, out var recipe))
                continue;
            var scale = order.Quantity.Unit == recipe.StandardBatchSize.Unit ? recipe.ScaleFactorFor(order.Quantity) : 1m;
            foreach (var line in recipe.BillOfMaterials.Where(l => l.StepNumber == operation.Step))
            {
                var code = line.MaterialCode.Value;
                left[code] = left.GetValueOrDefault(code) - line.ScaledBy(scale).Amount;
                if (left[code] >= 0)
                    continue;
                shortAt.TryAdd(code, operation.PlannedStart);
                var list = lacking.TryGetValue(code, out var found) ? found : lacking[code] = [];
                if (!list.Contains(operation.OrderNumber))
                    list.Add(operation.OrderNumber);
            }
        }
        return [.. shortAt.OrderBy(s => s.Value).Select(s => new MaterialShortfall(s.Key, stock.TryGetValue(s.Key, out var m) ? m.Unit : "",
            stock.TryGetValue(s.Key, out var r) ? r.Released : 0, s.Value, -left[s.Key], lacking[s.Key]))];
    }
}
