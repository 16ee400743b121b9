using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// A production order's whole life in planning's hands: plan, release, change (until production starts), cancel,
/// close. A released order is what a batch executes. Every change is audited with the reason given; a change made while
/// someone else changed the order is refused whole (<see cref="ChangedMeanwhileException"/>).
/// </summary>
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
            o.Status.ToString(), batches.GetValueOrDefault(o.Id), approved.Contains(o.ProductCode), o.CustomerReference, o.LineCode?.Value, o.IsChangeable,
            o.Version)).ToList();
    }

    public async Task<string> PlanAsync(string productCode, decimal quantity, DateOnly dueDate, int priority, string? externalId, string? customerReference,
        AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
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
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var order = await db.ProductionOrders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new DomainException("That production order does not exist.");
        order.Release(clock.GetUtcNow());
        await db.SaveOrRefuseAsync(cancellationToken);
    }

    /// <summary>
    /// Changes quantity, due date, priority, line and customer reference of an order that has not started (Planned or
    /// Released). Nothing changes when nothing differs.
    /// </summary>
    public async Task<bool> ChangeAsync(string number, OrderChange change, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(change.Reason))
            throw new DomainException("Give a reason for changing the order: it goes into the audit trail.");
        await using var db = await contexts.CreateDbContextAsync(actor.Because(change.Reason.Trim()), cancellationToken);
        var order = await FindAsync(db, number, cancellationToken);
        EnsureUnchangedSince(order, change.SeenVersion);
        EnsureChangeable(order, "changed");
        var quantity = new Quantity(change.Quantity, order.Quantity.Unit);
        var line = string.IsNullOrWhiteSpace(change.LineCode) ? null : (PlantCode?)new PlantCode(change.LineCode);
        var reference = string.IsNullOrWhiteSpace(change.CustomerReference) ? null : change.CustomerReference.Trim();
        if (quantity == order.Quantity && change.DueDate == order.DueDate && change.Priority == order.Priority && line == order.LineCode
            && reference == order.CustomerReference)
            return false;
        if (line is { } code && !await db.Lines.AnyAsync(l => l.Code == code, cancellationToken))
            throw new DomainException($"There is no line {code}.");
        order.Replan(quantity, change.DueDate, change.Priority, line);
        order.ChangeCustomerReference(reference);
        await db.SaveOrRefuseAsync(cancellationToken);
        return true;
    }

    /// <summary>Withdraws an order before production: Planned or Released. From a screen, <paramref name="seenVersion"/> is the version shown.</summary>
    public async Task CancelAsync(string number, string reason, AuditActor actor, int? seenVersion = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(actor.Because(reason), cancellationToken);
        var order = await FindAsync(db, number, cancellationToken);
        EnsureUnchangedSince(order, seenVersion);
        EnsureChangeable(order, "cancelled");
        order.Cancel(reason, clock.GetUtcNow());
        await db.SaveOrRefuseAsync(cancellationToken);
    }

    /// <summary>Closes a completed order once QA has decided on every one of its batches.</summary>
    public async Task CloseAsync(string number, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var order = await FindAsync(db, number, cancellationToken);
        var undecided = await db.Batches.AsNoTracking().Where(b => b.OrderId == order.Id && b.Disposition == BatchDisposition.PendingReview)
            .Select(b => b.Number).ToListAsync(cancellationToken);
        if (undecided.Count > 0)
            throw new DomainException($"Order {order.Number} cannot be closed: QA has not decided on batch {string.Join(", ", undecided.Select(b => b.Value).Order())} yet.");
        order.Close(clock.GetUtcNow());
        await db.SaveOrRefuseAsync(cancellationToken);
    }

    private static async Task<ProductionOrder> FindAsync(MesDbContext db, string number, CancellationToken cancellationToken)
    {
        if (OrderNumber.TryParse(number) is not { } parsed)
            throw new OrderNotFoundException(number);
        return await db.ProductionOrders.SingleOrDefaultAsync(o => o.Number == parsed, cancellationToken) ?? throw new OrderNotFoundException(number);
    }

    /// <summary>A change decided on a view of an older version would put back what someone changed since: refused, to be made again.</summary>
    private static void EnsureUnchangedSince(ProductionOrder order, int? seenVersion)
    {
        if (seenVersion is { } seen && seen != order.Version)
            throw ChangedMeanwhileException.For($"Order {order.Number}");
    }

    /// <summary>Making the first batch starts an order (InProgress), so a changeable order has no batch yet.</summary>
    private static void EnsureChangeable(ProductionOrder order, string what)
    {
        if (!order.IsChangeable)
            throw new OrderStartedException(order.Number.Value, $"Order {order.Number} is {order.Status}: it can no longer be {what}.");
    }
}
