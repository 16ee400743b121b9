using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>Plans and releases production orders; a released order is what a batch executes.</summary>
public sealed class ProductionOrderService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<OrderSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orders = await db.ProductionOrders.AsNoTracking().OrderBy(o => o.DueDate).ThenBy(o => o.Priority).ToListAsync(cancellationToken);
        var products = await db.Materials.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken);
        var batches = await db.Batches.AsNoTracking().GroupBy(b => b.OrderId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var approved = (await db.MasterRecipes.AsNoTracking().Where(r => r.Status == RecipeStatus.Approved).Select(r => r.ProductCode)
            .ToListAsync(cancellationToken)).ToHashSet();
        return orders.Select(o => new OrderSummary(o.Id, o.Number.Value, o.ExternalId, o.ProductCode.Value,
            products.GetValueOrDefault(o.ProductCode) ?? o.ProductCode.Value, o.Quantity.Amount, o.Quantity.Unit.Symbol, o.DueDate, o.Priority,
            o.Status.ToString(), batches.GetValueOrDefault(o.Id), approved.Contains(o.ProductCode))).ToList();
    }

    public async Task<string> PlanAsync(string productCode, decimal quantity, DateOnly dueDate, int priority, string? externalId, string? customerReference,
        AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditActor = actor;
        db.AuditClock = clock;
        var code = new MaterialCode(productCode);
        var product = await db.Materials.SingleOrDefaultAsync(m => m.Code == code, cancellationToken)
            ?? throw new DomainException($"There is no material {code}.");
        if (product.Type != MaterialType.FinishedGood && product.Type != MaterialType.Intermediate)
            throw new DomainException($"{code} is a {product.Type}: orders make finished goods or intermediates.");
        var now = clock.GetUtcNow();
        var prefix = $"PO-{now.UtcDateTime.Year}-";
        var numbers = (await db.ProductionOrders.Select(o => o.Number).ToListAsync(cancellationToken)).Select(n => n.Value)
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan(prefix.Length), out var value) ? value : 0);
        var number = new OrderNumber(prefix + (numbers.DefaultIfEmpty(0).Max() + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture));
        var order = ProductionOrder.Plan(number, code, new Quantity(quantity, product.Unit), dueDate, priority, now, externalId, customerReference);
        db.ProductionOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return number.Value;
    }

    public async Task ReleaseAsync(Guid orderId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditActor = actor;
        db.AuditClock = clock;
        var order = await db.ProductionOrders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new DomainException("That production order does not exist.");
        order.Release(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
