using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>
/// Two nodes (or two planners) change one order at once: the first save stands, the second is refused with a
/// conflict that says so, and the audit trail records only the change that was saved.
/// </summary>
public class ConcurrentOrderChanges
{
    private static async Task<string> PlannedOrderAsync(MesTestHost host) =>
        await host.Get<ProductionOrderService>().PlanAsync("FG-PARA500", 60_000m, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), OrderPriority.Normal,
            null, "CUST-1", await PersonAsync(host, "planner"));

    [Fact]
    public async Task TheSecondOfTwoChangesFromTheSameVersionIsRefusedAndLeavesNoTrace()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = new OrderNumber(await PlannedOrderAsync(host));
        var planner = await PersonAsync(host, "planner");
        var supervisor = await PersonAsync(host, "supervisor");

        await using var first = host.NewContext(planner);
        await using var second = host.NewContext(supervisor);
        var byFirst = await first.ProductionOrders.SingleAsync(o => o.Number == number);
        var bySecond = await second.ProductionOrders.SingleAsync(o => o.Number == number);
        byFirst.Release(DateTimeOffset.UtcNow);
        bySecond.Cancel("Customer withdrew the order", DateTimeOffset.UtcNow);
        await first.SaveOrRefuseAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ChangedMeanwhileException>(() => second.SaveOrRefuseAsync(CancellationToken.None));

        Assert.Equal($"Order {number} was changed by someone else meanwhile; reload and try again. Nothing of this change was saved.", refused.Message);
        await using var db = host.NewContext();
        var stored = await db.ProductionOrders.AsNoTracking().SingleAsync(o => o.Number == number);
        Assert.Equal((OrderStatus.Released, null, 1), (stored.Status, stored.CancelReason, stored.Version));
        var statusChanges = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "ProductionOrder" && e.EntityLabel == number.Value && e.Field == "Status").ToListAsync();
        var entry = Assert.Single(statusChanges);
        Assert.Equal(("Planned", "Released", "planner"), (entry.OldValue, entry.NewValue, entry.UserName));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == "ProductionOrder" && e.EntityLabel == number.Value && e.Field == "CancelReason"));
    }

    [Fact]
    public async Task APlannerCancellingAnOrderTheErpChangesMeanwhileIsToldToReload()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await PlannedOrderAsync(host);
        var planner = await PersonAsync(host, "planner");
        var erp = await PersonAsync(host, "supervisor");
        var orders = host.Get<ProductionOrderService>();
        // Between the cancel reading the order and saving it, another node saves a change of the plan.
        var meanwhile = new Meanwhile(() => orders.ChangeAsync(number,
            new OrderChange(80_000m, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), OrderPriority.Urgent, null, "CUST-1", "Changed in the ERP"), erp));
        var cancelling = new ProductionOrderService(host.Get<IDbContextFactory<MesDbContext>>(), meanwhile);

        var refused = await Assert.ThrowsAsync<ChangedMeanwhileException>(() => cancelling.CancelAsync(number, "Not needed any more", planner));

        Assert.True(meanwhile.Happened);
        Assert.Equal($"Order {number} was changed by someone else meanwhile; reload and try again. Nothing of this change was saved.", refused.Message);
        var stored = (await orders.ListAsync()).Single(o => o.Number == number);
        Assert.Equal(("Planned", 80_000m, "Urgent"), (stored.Status, stored.Quantity, stored.PriorityName));
        await using var db = host.NewContext();
        var trail = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "ProductionOrder" && e.EntityLabel == number && e.Action != Domain.Audit.AuditAction.Created)
            .ToListAsync();
        Assert.Equal(["DueDate", "Priority", "Quantity.Amount"], trail.Select(e => e.Field).Order());
        Assert.All(trail, e => Assert.Equal("Changed in the ERP", e.Reason));

        // Read again, the cancel goes through.
        await orders.CancelAsync(number, "Not needed any more", planner);
        Assert.Equal("Cancelled", (await orders.ListAsync()).Single(o => o.Number == number).Status);
    }

    [Fact]
    public async Task AChangeMadeOnAScreenShowingAnOlderVersionIsRefusedAndDoesNotPutBackWhatChanged()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await PlannedOrderAsync(host);
        var orders = host.Get<ProductionOrderService>();
        var planner = await PersonAsync(host, "planner");
        var shown = (await orders.ListAsync()).Single(o => o.Number == number);
        // While the planner's screen shows the order, the ERP moves its due date.
        await orders.ChangeAsync(number, new OrderChange(shown.Quantity, shown.DueDate.AddDays(-5), shown.Priority, null, shown.CustomerReference,
            "Changed in the ERP"), await PersonAsync(host, "supervisor"));

        var refused = await Assert.ThrowsAsync<ChangedMeanwhileException>(() => orders.ChangeAsync(number,
            new OrderChange(shown.Quantity, shown.DueDate, OrderPriority.Urgent, null, shown.CustomerReference, "Customer escalated", shown.Version), planner));
        var cancelRefused = await Assert.ThrowsAsync<ChangedMeanwhileException>(() => orders.CancelAsync(number, "Not needed", planner, shown.Version));

        Assert.Equal($"Order {number} was changed by someone else meanwhile; reload and try again. Nothing of this change was saved.", refused.Message);
        Assert.Equal(refused.Message, cancelRefused.Message);
        var stored = (await orders.ListAsync()).Single(o => o.Number == number);
        Assert.Equal(("Planned", shown.DueDate.AddDays(-5), OrderPriority.Normal), (stored.Status, stored.DueDate, stored.Priority));
        await using var db = host.NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == "ProductionOrder" && e.EntityLabel == number && e.UserName == "planner"
            && e.Action == Domain.Audit.AuditAction.Changed));

        // From the version shown now, the planner's change goes through.
        Assert.True(await orders.ChangeAsync(number, new OrderChange(stored.Quantity, stored.DueDate, OrderPriority.Urgent, null, stored.CustomerReference,
            "Customer escalated", stored.Version), planner));
    }
}

/// <summary>A clock that, the first time it is read, lets another unit of work save its change first.</summary>
internal sealed class Meanwhile(Func<Task> change) : TimeProvider
{
    public bool Happened { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        if (!Happened)
        {
            Happened = true;
            // Off the test's synchronization context: the change runs to its commit before this read returns.
            Task.Run(change).GetAwaiter().GetResult();
        }
        return base.GetUtcNow();
    }
}
