using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// Production orders from the ERP, idempotent by the ERP's external id: a retry never makes a second
/// order. A repeat with the same content answers the existing order; a repeat with different content
/// changes nothing and names what differs, so the ERP sees the mismatch instead of a silent overwrite.
/// </summary>
public sealed class ErpOrderIntake(IDbContextFactory<MesDbContext> contexts, ProductionOrderService orders)
{
    // Enough for a few callers racing for the same external id or the same next order number.
    private const int Attempts = 5;

    public async Task<ErpOrderIntakeResult> PlanAsync(ErpOrder order, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var externalId = order.ExternalId.Trim();
        for (var attempt = 1; ; attempt++)
        {
            if (await FindByExternalIdAsync(externalId, cancellationToken) is { } existing)
                return Compare(existing, order);
            await EnsureProductUnitAsync(order, cancellationToken);
            try
            {
                var number = await orders.PlanAsync(order.Product, order.Quantity, order.DueDate, order.Priority, externalId, order.CustomerReference, actor, cancellationToken);
                return new(ErpOrderOutcome.Created, (await GetAsync(number, cancellationToken))!, []);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // A concurrent request saved first, either this external id (answered as a repeat on the
                // next turn) or the order number this one took (numbered afresh on the next turn).
            }
        }
    }

    /// <summary>
    /// The ERP's order as it now is: planned when new, changed when quantity, due date, priority or customer reference
    /// differ and production has not started (<see cref="OrderStartedException"/> otherwise), answered as it is when
    /// nothing differs. Product and unit never change: that is another order (a conflict naming them). When the order
    /// changed in the MES between the comparison and the change, the change is refused (<see cref="ChangedMeanwhileException"/>).
    /// </summary>
    public async Task<ErpOrderIntakeResult> UpdateAsync(ErpOrder order, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var externalId = order.ExternalId.Trim();
        if (await FindByExternalIdAsync(externalId, cancellationToken) is not { } existing)
            return await PlanAsync(order, actor, cancellationToken);
        var compared = Compare(existing, order);
        if (compared.Outcome == ErpOrderOutcome.AlreadyPlanned)
            return compared;
        var identity = compared.DifferingFields.Where(f => f is "product" or "unit").ToList();
        if (identity.Count > 0)
            return compared with { DifferingFields = identity };
        await orders.ChangeAsync(existing.Number, new OrderChange(order.Quantity, order.DueDate, order.Priority, existing.LineCode, order.CustomerReference,
            $"Changed in the ERP ({string.Join(", ", compared.DifferingFields)})", existing.Version), actor, cancellationToken);
        return new(ErpOrderOutcome.Changed, (await GetAsync(existing.Number, cancellationToken))!, compared.DifferingFields);
    }

    /// <summary>Cancels the order with that external id before production starts; a repeat answers the cancelled order.</summary>
    public async Task<ErpOrderView> CancelAsync(string externalId, string? reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var existing = await FindByExternalIdAsync(externalId.Trim(), cancellationToken) ?? throw new OrderNotFoundException(externalId.Trim());
        if (existing.Status == OrderStatus.Cancelled)
            return existing;
        await orders.CancelAsync(existing.Number, string.IsNullOrWhiteSpace(reason) ? "Cancelled in the ERP" : reason.Trim(), actor, existing.Version, cancellationToken);
        return (await GetAsync(existing.Number, cancellationToken))!;
    }

    /// <summary>The orders whose external id is the one given, or every order when none is given.</summary>
    public async Task<IReadOnlyList<ErpOrderView>> ListAsync(string? externalId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ProductionOrders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(externalId))
        {
            var key = externalId.Trim();
            query = query.Where(o => o.ExternalId == key);
        }
        return (await query.ToListAsync(cancellationToken)).OrderBy(o => o.Number.Value, StringComparer.Ordinal).Select(ErpOrderView.Of).ToList();
    }

    public async Task<ErpOrderView?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        if (OrderNumber.TryParse(number) is not { } parsed)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await db.ProductionOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Number == parsed, cancellationToken);
        return order is null ? null : ErpOrderView.Of(order);
    }

    private async Task<ErpOrderView?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await db.ProductionOrders.AsNoTracking().SingleOrDefaultAsync(o => o.ExternalId == externalId, cancellationToken);
        return order is null ? null : ErpOrderView.Of(order);
    }

    /// <summary>Orders are counted in the product's own unit: the ERP must send that unit, nothing is converted.</summary>
    private async Task EnsureProductUnitAsync(ErpOrder order, CancellationToken cancellationToken)
    {
        var code = new MaterialCode(order.Product);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var product = await db.Materials.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code, cancellationToken)
            ?? throw new DomainException($"There is no material {code}.");
        if (!string.Equals(product.Unit.Symbol, order.Unit.Trim(), StringComparison.Ordinal))
            throw new DomainException($"{code} is counted in {product.Unit}, not {order.Unit.Trim()}: send the order in {product.Unit}.");
    }

    /// <summary>The stored order against what the ERP sent again, field by field, named as the ERP names them.</summary>
    private static ErpOrderIntakeResult Compare(ErpOrderView existing, ErpOrder sent)
    {
        var differing = new List<string>();
        if (MaterialCode.TryParse(sent.Product) is not { } product || product.Value != existing.Product)
            differing.Add("product");
        if (sent.Quantity != existing.Quantity)
            differing.Add("quantity");
        if (!string.Equals(sent.Unit.Trim(), existing.Unit, StringComparison.Ordinal))
            differing.Add("unit");
        if (sent.DueDate != existing.DueDate)
            differing.Add("dueDate");
        if (sent.Priority != existing.Priority)
            differing.Add("priority");
        if (!string.Equals(Blank(sent.CustomerReference), existing.CustomerReference, StringComparison.Ordinal))
            differing.Add("customerReference");
        return new(differing.Count == 0 ? ErpOrderOutcome.AlreadyPlanned : ErpOrderOutcome.Conflict, existing, differing);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
