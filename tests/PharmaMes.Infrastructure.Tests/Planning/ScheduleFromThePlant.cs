using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Performance;
using PharmaMes.Infrastructure.Planning;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Planning;

/// <summary>The schedule in force, planned from the plant's own orders, recipes, equipment, calendars and states.</summary>
public class ScheduleFromThePlant
{
    private static async Task<string> PlanOrderAsync(MesTestHost host, decimal quantity = 72_000m, int dueInDays = 10, string product = "FG-PARA500")
    {
        var orders = host.Get<ProductionOrderService>();
        return await orders.PlanAsync(product, quantity, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(dueInDays), OrderPriority.Normal, null, null,
            await PersonAsync(host, "planner"));
    }

    private static async Task<ScheduledOrderView> PlannedAsync(MesTestHost host, string number)
    {
        var run = await host.Get<ScheduleService>().PlanAsync();
        Assert.DoesNotContain(run.Snapshot.Unscheduled, u => u.Number == number);
        return (await host.Get<ScheduleService>().GetAsync()).Orders.Single(o => o.Number == number);
    }

    [Fact]
    public async Task AnOrdersStepsArePlacedInOrderEachOnEquipmentOfItsStepsClass()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await PlanOrderAsync(host);
        var before = DateTimeOffset.UtcNow;

        var order = await PlannedAsync(host, number);

        await using var db = host.NewContext();
        var recipe = await db.MasterRecipes.AsNoTracking().Include(r => r.Steps)
            .SingleAsync(r => r.ProductCode == new Domain.Materials.MaterialCode("FG-PARA500") && r.Status == RecipeStatus.Approved);
        var classes = await db.Equipment.AsNoTracking().ToDictionaryAsync(e => e.Code.Value, e => e.Class);
        Assert.Equal(recipe.Steps.Where(s => s.RequiredEquipmentClass is not null).Select(s => s.Number), order.Operations.Select(o => o.Step));
        foreach (var operation in order.Operations)
            Assert.Equal(recipe.Steps.Single(s => s.Number == operation.Step).RequiredEquipmentClass, classes[operation.EquipmentCode]);
        Assert.All(order.Operations.Zip(order.Operations.Skip(1)), pair => Assert.True(pair.Second.PlannedStart >= pair.First.PlannedEnd));
        Assert.True(order.Operations[0].PlannedStart >= before.AddSeconds(-60));
        Assert.False(order.IsLate);
    }

    [Fact]
    public async Task ThePressRunsTheOrderAtTheProductsIdealRate()
    {
        await using var host = await MesTestHost.StartAsync();
        // The demo's first press makes FG-PARA500 at 3,600 a minute (72,000 tablets in 20 minutes), the second at 3,000 (24 minutes).
        var number = await PlanOrderAsync(host, quantity: 72_000m);

        var compression = (await PlannedAsync(host, number)).Operations.Single(o => o.StepName == "Compression");

        Assert.Equal(TimeSpan.FromMinutes(compression.EquipmentCode == "TP-01" ? 20 : 24), compression.PlannedEnd - compression.PlannedStart);
        Assert.Contains(compression.EquipmentCode, new[] { "TP-01", "TP-02" });
    }

    [Fact]
    public async Task APressThatIsDownIsNotPlannedUntilItIsExpectedBack()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await PlanOrderAsync(host);
        await using (var db = host.NewContext(AuditActor.System("test device", "State report")))
        {
            var press = await db.Equipment.SingleAsync(e => e.Code == new PlantCode("TP-01"));
            press.ChangeState(EquipmentState.Down, host.Get<TimeProvider>().GetUtcNow(), "Punch broken");
            await db.SaveChangesAsync();
        }

        var run = await host.Get<ScheduleService>().PlanAsync();
        var order = (await host.Get<ScheduleService>().GetAsync()).Orders.Single(o => o.Number == number);

        var down = run.Snapshot.Unavailable.Single(u => u.Equipment == "TP-01" && u.Reason.StartsWith("Down", StringComparison.Ordinal));
        Assert.Equal("Down: Punch broken", down.Reason);
        Assert.Equal(TimeSpan.FromMinutes(120), down.End - down.Start);
        // Compression goes to the second press, or waits for the first to be back.
        var compression = order.Operations.Single(o => o.StepName == "Compression");
        Assert.True(compression.EquipmentCode == "TP-02" || compression.PlannedStart >= down.End);
        Assert.DoesNotContain(order.Operations, o => o.EquipmentCode == "TP-01" && o.PlannedStart < down.End);
    }

    [Fact]
    public async Task NoOperationOfTheLineIsPlannedOutsideItsShifts()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await PlanOrderAsync(host);
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" };
        await host.Get<ShiftCalendarService>().SaveAsync("OSD-L1",
            new ShiftCalendarInput("UTC", [new ShiftInput("Early", "06:00", 8, days, [new BreakInput(4, 30)])]), await PersonAsync(host, "supervisor"));

        var order = await PlannedAsync(host, number);

        var calendar = (await host.Get<ShiftCalendarService>().GetAsync("OSD-L1"))!;
        var windows = calendar.PlannedWindows(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Assert.All(order.Operations, operation =>
            Assert.Contains(windows, w => w.Start <= operation.PlannedStart && operation.PlannedEnd <= w.End));
    }

    [Fact]
    public async Task AnOrderOfAProductWithoutAnApprovedRecipeIsNamedWithTheReason()
    {
        await using var host = await MesTestHost.StartAsync();
        await using (var db = host.NewContext(await PersonAsync(host, "planner")))
        {
            db.Materials.Add(new Domain.Materials.Material(new Domain.Materials.MaterialCode("FG-NEW"), "A product with no recipe yet",
                Domain.Materials.MaterialType.FinishedGood, new Domain.Common.UnitOfMeasure("pcs"), 0, 0));
            await db.SaveChangesAsync();
        }
        var number = await PlanOrderAsync(host, product: "FG-NEW");

        var run = await host.Get<ScheduleService>().PlanAsync();

        Assert.Equal("FG-NEW has no approved master recipe.", run.Snapshot.Unscheduled.Single(u => u.Number == number).Reason);
        Assert.DoesNotContain((await host.Get<ScheduleService>().GetAsync()).Orders, o => o.Number == number);
    }

    [Fact]
    public async Task AStepRunningNowHoldsItsEquipmentAndTheOrdersNextStepWaitsForIt()
    {
        await using var host = await MesTestHost.StartAsync();
        var batch = await NewBatchAsync(host);
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        await execution.StartAsync(batch, operatorUser);
        await execution.StartStepAsync(batch, 1, "DISP-01", operatorUser);

        var run = await host.Get<ScheduleService>().PlanAsync();

        var running = Assert.Single(run.Snapshot.Running, r => r.BatchNumber == batch);
        Assert.Equal((1, "Dispensing", "DISP-01"), (running.Step, running.StepName, running.EquipmentCode));
        // Nothing known about how long dispensing takes for this product: the default hour from when it started.
        Assert.Equal(TimeSpan.FromMinutes(60), running.ExpectedEnd - running.StartedAt);
        var order = (await host.Get<ScheduleService>().GetAsync()).Orders.Single(o => o.Number == running.OrderNumber);
        var drying = Assert.Single(order.Operations);
        Assert.Equal(2, drying.Step);
        Assert.True(drying.PlannedStart >= running.ExpectedEnd);
    }

    [Fact]
    public async Task AStepWhoseEquipmentGoesDownEndsOnlyAfterTheEquipmentIsExpectedBack()
    {
        await using var host = await MesTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Planning:ExpectedRepairMinutes"] = "180" });
        var batch = await NewBatchAsync(host);
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        await execution.StartAsync(batch, operatorUser);
        await execution.StartStepAsync(batch, 1, "DISP-01", operatorUser);
        await using (var db = host.NewContext(AuditActor.System("test device", "Device reported Down")))
        {
            var unit = await db.Equipment.SingleAsync(e => e.Code == new PlantCode("DISP-01"));
            unit.ChangeState(EquipmentState.Down, host.Get<TimeProvider>().GetUtcNow(), "Load cell fault");
            await db.SaveChangesAsync();
        }
        var downAt = host.Get<TimeProvider>().GetUtcNow();

        var run = await host.Get<ScheduleService>().PlanAsync();

        // Three hours of repair, then what was left of the hour of dispensing: the order's next step cannot start before.
        var running = Assert.Single(run.Snapshot.Running, r => r.BatchNumber == batch);
        Assert.InRange(running.ExpectedEnd, downAt.AddMinutes(180 + 58), downAt.AddMinutes(180 + 61));
        var order = (await host.Get<ScheduleService>().GetAsync()).Orders.Single(o => o.Number == running.OrderNumber);
        Assert.True(Assert.Single(order.Operations).PlannedStart >= running.ExpectedEnd);
    }

    [Fact]
    public async Task AMaterialTheScheduleNeedsMoreOfThanIsReleasedIsNamedWithWhenAndForWhichOrders()
    {
        await using var host = await MesTestHost.StartAsync();
        // Ten standard batches: far more paracetamol than the demo holds released.
        var number = await PlanOrderAsync(host, quantity: 3_000_000m, dueInDays: 12);
        await PlannedAsync(host, number);

        var shortfalls = await host.Get<MaterialPlanService>().ShortfallsAsync();

        var paracetamol = shortfalls.Single(s => s.Material == "API-PARA");
        Assert.Contains(number, paracetamol.Orders);
        var schedule = await host.Get<ScheduleService>().GetAsync();
        await using var db = host.NewContext();
        var recipe = await db.MasterRecipes.AsNoTracking().Include(r => r.BillOfMaterials)
            .SingleAsync(r => r.ProductCode == new Domain.Materials.MaterialCode("FG-PARA500") && r.Status == RecipeStatus.Approved);
        var line = recipe.BillOfMaterials.Single(l => l.MaterialCode.Value == "API-PARA");
        // What every scheduled step that weighs paracetamol needs, less what is released: what is missing in all.
        var needed = schedule.Orders.Where(o => o.Operations.Any(op => op.Step == line.StepNumber))
            .Sum(o => line.ScaledBy(recipe.ScaleFactorFor(new Domain.Common.Quantity(o.Quantity, o.Unit))).Amount);
        Assert.Equal(needed - paracetamol.Released, paracetamol.ShortBy);
        var first = schedule.Orders.SelectMany(o => o.Operations).Where(op => op.Step == line.StepNumber && paracetamol.Orders.Contains(op.OrderNumber))
            .Min(op => op.PlannedStart);
        Assert.Equal(first, paracetamol.RunsShortAt);
    }

    [Fact]
    public async Task AnOrderTheStockCannotCoverWaitsTheProcurementLeadTime()
    {
        await using var host = await MesTestHost.StartAsync();
        // Ten standard batches: far more paracetamol than the demo holds, released or in Quarantine.
        var number = await PlanOrderAsync(host, quantity: 3_000_000m, dueInDays: 12);

        var run = await host.Get<ScheduleService>().PlanAsync();

        var wait = Assert.Single(run.Snapshot.MaterialWaits, w => w.OrderNumber == number && w.Material == "API-PARA");
        Assert.True(wait.WaitsForDelivery);
        Assert.Equal(("kg", run.Snapshot.Problem.Now.AddDays(7)), (wait.Unit, wait.Until));
        var order = (await host.Get<ScheduleService>().GetAsync()).Orders.Single(o => o.Number == number);
        Assert.True(order.PlannedStart >= wait.Until, $"The order starts {order.PlannedStart:u}, before its material can come ({wait.Until:u}).");
        // The orders the stock covers are not held back by it.
        Assert.DoesNotContain(run.Snapshot.MaterialWaits, w => w.OrderNumber != number);
    }

    [Fact]
    public async Task AnOrderCoveredOnlyByALotJustReceivedWaitsForItsExpectedReleaseFromQuarantine()
    {
        await using var host = await MesTestHost.StartAsync();
        // Two standard batches: more paracetamol than is released or due from QC once the demo's orders have theirs.
        var number = await PlanOrderAsync(host, quantity: 600_000m, dueInDays: 12);
        var receipt = await host.Get<PharmaMes.Infrastructure.Materials.LotReceiving>().ReceiveAsync(
            new PharmaMes.Infrastructure.Materials.LotReceipt("API-PARA", "PARA-26-0501", 1_000m, "kg", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2), "SUP-77"),
            await PersonAsync(host, "planner"));

        var run = await host.Get<ScheduleService>().PlanAsync();

        var wait = Assert.Single(run.Snapshot.MaterialWaits, w => w.OrderNumber == number);
        Assert.Equal(("API-PARA", 0m, false), (wait.Material, wait.Missing, wait.WaitsForDelivery));
        await using var db = host.NewContext();
        var lot = await db.MaterialLots.AsNoTracking().SingleAsync(l => l.Number == new Domain.Materials.LotNumber("PARA-26-0501"));
        Assert.Equal(lot.StatusChangedAt.AddDays(3), wait.Until);
        var order = (await host.Get<ScheduleService>().GetAsync()).Orders.Single(o => o.Number == number);
        Assert.True(order.PlannedStart >= wait.Until);
        Assert.False(receipt.AlreadyReceived);
    }

    [Fact]
    public async Task ANewDueDateAndPriorityArePlannedAsAWhatIfThatNamesTheOrdersTheyMoveAndStoresNothing()
    {
        // On a day shift, not before the night shift's break: the outcome must not depend on the hour the test runs.
        await using var host = await MesTestHost.StartAsync(clock: new ShiftedClock(new TimeOnly(10, 40)));
        var schedule = host.Get<ScheduleService>();
        await schedule.PlanAsync();
        // The order due last, not started: whatever plan is in force, it goes last when due dates decide.
        var last = (await schedule.GetAsync()).Orders.Where(o => o.Status != "InProgress").MaxBy(o => o.DueDate)!;
        var before = (await schedule.InForceAsync()).Select(o => o.Planned).OrderBy(o => o.OrderNumber).ThenBy(o => o.Step).ToList();

        var check = await host.Get<ImpactService>().CheckOrderChangeAsync(last.Number, DateOnly.FromDateTime(DateTime.UtcNow), OrderPriority.Urgent);

        Assert.Empty(check.Problems);
        var moved = Assert.Single(check.Orders, o => o.OrderNumber == last.Number);
        Assert.True(moved.NewPlannedEnd < moved.OldPlannedEnd, $"Made urgent and due today, {last.Number} ends {moved.NewPlannedEnd:u}, not before {moved.OldPlannedEnd:u}.");
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), moved.DueDate);
        Assert.Equal(before, (await schedule.InForceAsync()).Select(o => o.Planned).OrderBy(o => o.OrderNumber).ThenBy(o => o.Step).ToList());
        var unknown = await host.Get<ImpactService>().CheckOrderChangeAsync("PO-2099-9999", DateOnly.FromDateTime(DateTime.UtcNow), OrderPriority.Urgent);
        Assert.Contains("is not on the schedule now", Assert.Single(unknown.Problems));
    }
}
