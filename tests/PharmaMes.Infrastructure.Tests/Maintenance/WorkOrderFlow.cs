using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Maintenance;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Maintenance;

/// <summary>Maintenance work orders through <see cref="WorkOrderService"/> on a real SQLite file: the unit, the schedule, the logbook and the trail.</summary>
public class WorkOrderFlow
{
    [Fact]
    public async Task ACorrectiveOrderFromADownUnitCarriesTheReasonTakesTheUnitAndIsReleasedSignedIntoTheLogbook()
    {
        await using var host = await MesTestHost.StartAsync();
        var (operatorUser, maintenance, supervisor) =
            (await PersonAsync(host, "operator"), await PersonAsync(host, "maintenance"), await PersonAsync(host, "supervisor"));
        var orders = host.Get<WorkOrderService>();
        var since = host.Get<TimeProvider>().GetUtcNow();
        var unit = await FreeUnitAsync(host);
        await GoDownAsync(host, unit, "Motor overload trip");

        var number = await orders.RaiseCorrectiveAsync(unit, "Find and fix the motor trip", null, operatorUser);

        Assert.Matches(@"^WO-\d{4}-\d{4}$", number);
        var raised = (await orders.GetAsync(number))!;
        Assert.Equal((WorkOrderKind.Corrective, WorkOrderStatus.Open, "operator"), (raised.Kind, raised.Status, raised.RaisedBy));
        Assert.EndsWith(": Motor overload trip", raised.Cause);
        Assert.Equal(number, (await host.Get<MaintenanceOverviewService>().GetAsync()).Down.Single(d => d.Code == unit).WorkOrder);

        await orders.AssignAsync(number, "Max Maintenance", supervisor);
        await orders.StartAsync(number, maintenance);
        Assert.Equal(EquipmentStatus.Maintenance, await StatusAsync(host, unit));
        await Assert.ThrowsAsync<DomainException>(() => orders.ReleaseAsync(number, Credentials("supervisor"), supervisor));
        await orders.CompleteAsync(number, "Thermal relay reset, motor insulation measured 500 MOhm", "Relay contact set RC-4", maintenance);
        await Assert.ThrowsAnyAsync<Exception>(() => orders.ReleaseAsync(number, new("supervisor", "not the password"), supervisor));
        Assert.Equal(WorkOrderStatus.Completed, (await orders.GetAsync(number))!.Status);
        await orders.ReleaseAsync(number, Credentials("supervisor"), supervisor);

        var released = (await orders.GetAsync(number))!;
        Assert.Equal((WorkOrderStatus.Released, EquipmentStatus.Dirty), (released.Status, released.EquipmentStatus));
        Assert.Contains("— Released —", released.Signatures.Single().Manifestation, StringComparison.Ordinal);
        Assert.True(released.Signatures.Single().IsValid);
        Assert.DoesNotContain(await orders.ListAsync(unit), w => w.Number == number);
        Assert.Contains(await orders.ListAsync(unit, includeClosed: true), w => w.Number == number);

        var logbook = (await host.Get<EquipmentLogbookService>().GetAsync(unit, since.AddMinutes(-1), host.Get<TimeProvider>().GetUtcNow().AddMinutes(1),
            new HashSet<LogbookEntryKind> { LogbookEntryKind.Maintenance }))!;
        var entry = logbook.Entries.Single(e => e.Title.StartsWith(number, StringComparison.Ordinal));
        Assert.Contains("Relay contact set RC-4", entry.Detail);
        Assert.Equal(released.ReleasedAt, entry.EndedAt);
        Assert.True(entry.Signatures!.Single().IsValid);
        await using var db = host.NewContext();
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "MaintenanceWorkOrder" && a.EntityLabel == number).ToListAsync();
        Assert.Contains(trail, a => a.Action == AuditAction.Created && a.UserName == "operator");
        Assert.Contains(trail, a => a.Field == nameof(MaintenanceWorkOrder.Status) && a.NewValue == nameof(WorkOrderStatus.Released) && a.UserName == "supervisor");
    }

    [Fact]
    public async Task APreventivePlanRaisesOneOrderWhenDueAndItsReleaseSetsTheNextDueDate()
    {
        await using var host = await MesTestHost.StartAsync();
        var (maintenance, supervisor) = (await PersonAsync(host, "maintenance"), await PersonAsync(host, "supervisor"));
        var orders = host.Get<WorkOrderService>();
        var unit = await FreeUnitAsync(host);
        var today = DateOnly.FromDateTime(host.Get<TimeProvider>().GetUtcNow().UtcDateTime);

        var planId = await orders.AddPlanAsync(unit, "Replace the chopper seals", 90, today.AddDays(3), maintenance.Because("Preventive maintenance programme PM-12"));
        Assert.Empty(await orders.RaiseDuePreventiveAsync());

        var order = (await orders.ListAsync(unit)).Single(w => w.Kind == WorkOrderKind.Preventive && w.Task == "Replace the chopper seals");
        Assert.Equal(today.AddDays(3), order.DueOn);
        await orders.StartAsync(order.Number, maintenance);
        await orders.CompleteAsync(order.Number, "Seals replaced", "Seal kit SK-GRAN x1", maintenance);
        await orders.ReleaseAsync(order.Number, Credentials("supervisor"), supervisor);

        var plan = (await orders.PlansAsync(unit)).Single(p => p.Id == planId);
        Assert.Equal((today, today.AddDays(90)), (plan.LastDoneOn, plan.NextDueOn));
        Assert.Empty(await orders.RaiseDuePreventiveAsync());
    }

    [Fact]
    public async Task APlanDueLaterThanTheLeadTimeRaisesNothingYet()
    {
        await using var host = await MesTestHost.StartAsync();
        var orders = host.Get<WorkOrderService>();
        var today = DateOnly.FromDateTime(host.Get<TimeProvider>().GetUtcNow().UtcDateTime);

        await orders.AddPlanAsync("GRAN-01", "Inspect the spray nozzles", 30, today.AddDays(WorkOrderService.PreventiveLeadDays + 1),
            (await PersonAsync(host, "maintenance")).Because("PM-13"));

        Assert.DoesNotContain(await orders.ListAsync("GRAN-01"), w => w.Task == "Inspect the spray nozzles");
    }

    [Fact]
    public async Task ACancelledOrderKeepsItsReasonAndLeavesTheUnitAsItWas()
    {
        await using var host = await MesTestHost.StartAsync();
        var orders = host.Get<WorkOrderService>();
        var (supervisor, maintenance) = (await PersonAsync(host, "supervisor"), await PersonAsync(host, "maintenance"));
        var before = await StatusAsync(host, "DISP-01");
        var number = await orders.RaiseCorrectiveAsync("DISP-01", "Check the balance door", "Door sticks", await PersonAsync(host, "operator"));

        await Assert.ThrowsAsync<DomainException>(() => orders.CancelAsync(number, " ", supervisor));
        await orders.CancelAsync(number, "Door was only dirty; cleaned", supervisor);

        var cancelled = (await orders.GetAsync(number))!;
        Assert.Equal((WorkOrderStatus.Cancelled, "Door was only dirty; cleaned"), (cancelled.Status, cancelled.CancelReason));
        Assert.Equal(before, await StatusAsync(host, "DISP-01"));
        await Assert.ThrowsAsync<DomainException>(() => orders.StartAsync(number, maintenance));
    }

    /// <summary>A unit no demo batch holds: clean or dirty, so it may be taken for maintenance.</summary>
    private static async Task<string> FreeUnitAsync(MesTestHost host)
    {
        await using var db = host.NewContext();
        var units = await db.Equipment.AsNoTracking().ToListAsync();
        return units.Where(e => e.Status is EquipmentStatus.Clean or EquipmentStatus.Dirty && e.State != EquipmentState.Down)
            .OrderBy(e => e.Code.Value, StringComparer.Ordinal).First().Code.Value;
    }

    private static async Task GoDownAsync(MesTestHost host, string code, string reason)
    {
        await using var db = host.NewContext(AuditActor.System("test device", "Device reported Down"));
        var unit = await db.Equipment.SingleAsync(e => e.Code == new PlantCode(code));
        unit.ChangeState(EquipmentState.Down, host.Get<TimeProvider>().GetUtcNow(), reason);
        await db.SaveChangesAsync();
    }

    private static async Task<EquipmentStatus> StatusAsync(MesTestHost host, string code)
    {
        await using var db = host.NewContext();
        return (await db.Equipment.AsNoTracking().SingleAsync(e => e.Code == new PlantCode(code))).Status;
    }
}
