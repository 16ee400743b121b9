using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>A planner changes, cancels and closes orders through the order service; each change says why.</summary>
public class OrderLifecycleFlow
{
    private static async Task<OrderSummary> PlannedOrderAsync(MesTestHost host)
    {
        var orders = host.Get<ProductionOrderService>();
        var number = await orders.PlanAsync("FG-PARA500", 60_000m, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), OrderPriority.Normal, null, "CUST-1",
            await PersonAsync(host, "planner"));
        return (await orders.ListAsync()).Single(o => o.Number == number);
    }

    [Fact]
    public async Task AChangeKeepsTheReasonInTheAuditTrail()
    {
        await using var host = await MesTestHost.StartAsync();
        var order = await PlannedOrderAsync(host);
        var planner = await PersonAsync(host, "planner");

        var changed = await host.Get<ProductionOrderService>().ChangeAsync(order.Number,
            new OrderChange(80_000m, order.DueDate.AddDays(-3), OrderPriority.Urgent, null, "CUST-1", "Customer needs it earlier"), planner);

        Assert.True(changed);
        var after = (await host.Get<ProductionOrderService>().ListAsync()).Single(o => o.Number == order.Number);
        Assert.Equal((80_000m, order.DueDate.AddDays(-3), "Urgent"), (after.Quantity, after.DueDate, after.PriorityName));
        await using var db = host.NewContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "ProductionOrder" && e.EntityLabel == order.Number && e.Field == "Priority")
            .ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal(("3", "1", "Customer needs it earlier"), (entry.OldValue, entry.NewValue, entry.Reason));
    }

    [Fact]
    public async Task AChangeWithoutAReasonOrToNothingNewChangesNothing()
    {
        await using var host = await MesTestHost.StartAsync();
        var order = await PlannedOrderAsync(host);
        var orders = host.Get<ProductionOrderService>();
        var planner = await PersonAsync(host, "planner");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            orders.ChangeAsync(order.Number, new OrderChange(1m, order.DueDate, 1, null, null, " "), planner));
        var same = await orders.ChangeAsync(order.Number, new OrderChange(order.Quantity, order.DueDate, order.Priority, null, "CUST-1", "No change"), planner);

        Assert.Equal("Give a reason for changing the order: it goes into the audit trail.", refused.Message);
        Assert.False(same);
        Assert.Equal(60_000m, (await orders.ListAsync()).Single(o => o.Number == order.Number).Quantity);
    }

    [Fact]
    public async Task ACompletedOrderClosesOnlyOnceQaHasDecidedOnItsBatches()
    {
        await using var host = await MesTestHost.StartAsync();
        var batch = await NewBatchAsync(host);
        string number;
        await using (var db = host.NewContext(await PersonAsync(host, "supervisor")))
        {
            var order = await db.ProductionOrders.SingleAsync(o => o.Id == db.Batches.Single(b => b.Number == new BatchNumber(batch)).OrderId);
            // The order as production leaves it: every batch made, none decided by QA yet.
            order.Complete(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            number = order.Number.Value;
        }

        var planner = await PersonAsync(host, "planner");
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<ProductionOrderService>().CloseAsync(number, planner));

        Assert.Equal($"Order {number} cannot be closed: QA has not decided on batch {batch} yet.", ex.Message);
    }

    [Fact]
    public async Task AnUnknownOrderIsNamed()
    {
        await using var host = await MesTestHost.StartAsync();

        var planner = await PersonAsync(host, "planner");
        var ex = await Assert.ThrowsAsync<OrderNotFoundException>(() => host.Get<ProductionOrderService>().CancelAsync("PO-1999-0001", "Not needed", planner));

        Assert.Equal("There is no production order 'PO-1999-0001'.", ex.Message);
    }
}
