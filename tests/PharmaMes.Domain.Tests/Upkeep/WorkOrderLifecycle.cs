using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Tests.Plant;
using PharmaMes.Domain.Upkeep;

namespace PharmaMes.Domain.Tests.Upkeep;

/// <summary>A maintenance work order from raised to released, and what it does to its unit and schedule.</summary>
public class WorkOrderLifecycle
{
    private static readonly DateTimeOffset T0 = TestPlant.Commissioned;
    private static readonly Person Raiser = new(Guid.NewGuid(), "Olga Operator");
    private static readonly Person Technician = new(Guid.NewGuid(), "Max Maintenance");
    private static readonly Person Supervisor = new(Guid.NewGuid(), "Sam Supervisor");

    private static (Equipment Unit, MaintenanceWorkOrder Order) Raised()
    {
        var unit = TestPlant.InState(EquipmentState.Idle);
        return (unit, MaintenanceWorkOrder.Corrective("WO-2026-0001", unit, "Replace the sieve", "Down: sieve torn", Raiser, T0));
    }

    [Fact]
    public void ACorrectiveOrderOpensWithItsCauseAndLeavesTheUnitAlone()
    {
        var (unit, order) = Raised();

        Assert.Equal((WorkOrderStatus.Open, WorkOrderKind.Corrective, "Down: sieve torn", "Olga Operator"), (order.Status, order.Kind, order.Cause, order.RaisedByName));
        Assert.Equal(EquipmentStatus.Dirty, unit.Status);
        Assert.True(order.IsOpen);
    }

    [Fact]
    public void StartingTakesTheUnitOutOfProductionAndReleasingReturnsItDirty()
    {
        var (unit, order) = Raised();
        order.Assign("Max Maintenance", T0.AddMinutes(5));

        order.Start(unit, Technician, T0.AddMinutes(10));
        Assert.Equal((WorkOrderStatus.InProgress, EquipmentStatus.Maintenance), (order.Status, unit.Status));
        Assert.NotEmpty(unit.ReasonsNotUsable(T0.AddMinutes(11)));

        order.Complete("Sieve replaced, mesh 1.0 mm", "Sieve SV-10 x1", Technician, T0.AddHours(1));
        Assert.Equal(EquipmentStatus.Maintenance, unit.Status);
        order.Release(unit, null, Supervisor, T0.AddHours(2));

        Assert.Equal((WorkOrderStatus.Released, EquipmentStatus.Dirty), (order.Status, unit.Status));
        Assert.Equal((T0.AddHours(2), "Sam Supervisor"), (order.ReleasedAt, order.ReleasedByName));
        Assert.Equal(T0.AddHours(2), unit.DirtySince);
        Assert.False(order.IsOpen);
    }

    [Fact]
    public void AUnitInUseByABatchCannotBeTakenForMaintenance()
    {
        var (unit, order) = Raised();
        unit.RecordCalibration(new DateOnly(2026, 11, 1), new DateOnly(2027, 11, 1));
        unit.AcceptCleaning(CleaningMethod.Major, T0, T0);
        unit.StartUse("B-2026-0009", "FG-PARA-500", T0.AddMinutes(1));

        var refused = Assert.Throws<DomainException>(() => order.Start(unit, Technician, T0.AddMinutes(2)));

        Assert.Contains("in use by batch B-2026-0009", refused.Message);
        Assert.Equal((WorkOrderStatus.Open, EquipmentStatus.InUse), (order.Status, unit.Status));
    }

    [Fact]
    public void TwoOrdersCannotHoldOneUnitAtOnce()
    {
        var (unit, first) = Raised();
        var second = MaintenanceWorkOrder.Corrective("WO-2026-0002", unit, "Check the motor", null, Raiser, T0);
        first.Start(unit, Technician, T0.AddMinutes(1));

        var refused = Assert.Throws<DomainException>(() => second.Start(unit, Technician, T0.AddMinutes(2)));

        Assert.Contains("already in maintenance", refused.Message);
        Assert.Equal(WorkOrderStatus.Open, second.Status);
    }

    [Theory]
    [InlineData(WorkOrderStatus.Open, "Complete")]
    [InlineData(WorkOrderStatus.Open, "Release")]
    [InlineData(WorkOrderStatus.InProgress, "Cancel")]
    [InlineData(WorkOrderStatus.InProgress, "Release")]
    [InlineData(WorkOrderStatus.Completed, "Start")]
    [InlineData(WorkOrderStatus.Released, "Cancel")]
    [InlineData(WorkOrderStatus.Cancelled, "Start")]
    public void AnActionOutOfTurnIsRefusedAndChangesNothing(WorkOrderStatus status, string action)
    {
        var (unit, order) = Raised();
        var at = T0.AddMinutes(1);
        if (status is WorkOrderStatus.InProgress or WorkOrderStatus.Completed or WorkOrderStatus.Released)
            order.Start(unit, Technician, at);
        if (status is WorkOrderStatus.Completed or WorkOrderStatus.Released)
            order.Complete("Done", null, Technician, at);
        if (status == WorkOrderStatus.Released)
            order.Release(unit, null, Supervisor, at);
        if (status == WorkOrderStatus.Cancelled)
            order.Cancel("Raised twice", Supervisor, at);
        var unitStatus = unit.Status;

        var refused = Assert.Throws<DomainException>(() =>
        {
            switch (action)
            {
                case "Start": order.Start(unit, Technician, at); break;
                case "Complete": order.Complete("Done", null, Technician, at); break;
                case "Release": order.Release(unit, null, Supervisor, at); break;
                case "Cancel": order.Cancel("No longer needed", Supervisor, at); break;
            }
        });

        Assert.StartsWith($"Work order WO-2026-0001 is {status}", refused.Message);
        Assert.Equal((status, unitStatus), (order.Status, unit.Status));
    }

    [Fact]
    public void CompletingNeedsWhatWasDone()
    {
        var (unit, order) = Raised();
        order.Start(unit, Technician, T0);

        Assert.Throws<DomainException>(() => order.Complete("  ", "Seal x2", Technician, T0.AddHours(1)));
        Assert.Equal(WorkOrderStatus.InProgress, order.Status);
    }

    [Fact]
    public void APreventiveOrderCarriesItsPlanAndReleasingItMovesTheScheduleOn()
    {
        var unit = TestPlant.InState(EquipmentState.Idle);
        var plan = new MaintenancePlan(unit, "Lubricate the impeller bearings", 30, new DateOnly(2026, 12, 10));
        var order = MaintenanceWorkOrder.Preventive("WO-2026-0003", unit, plan, T0);

        Assert.Equal((WorkOrderKind.Preventive, "Lubricate the impeller bearings", new DateOnly(2026, 12, 10), plan.Id),
            (order.Kind, order.Task, order.DueOn, order.PlanId));
        order.Start(unit, Technician, new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        order.Complete("Bearings greased", "Grease LGHP 2, 50 g", Technician, new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero));
        order.Release(unit, plan, Supervisor, new DateTimeOffset(2026, 12, 8, 11, 0, 0, TimeSpan.Zero));

        Assert.Equal((new DateOnly(2026, 12, 8), new DateOnly(2027, 1, 7)), (plan.LastDoneOn, plan.NextDueOn));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(MaintenancePlan.MaxIntervalDays + 1)]
    public void APlanNeedsASensibleInterval(int days)
    {
        var unit = TestPlant.InState(EquipmentState.Idle);

        var refused = Assert.Throws<DomainException>(() => new MaintenancePlan(unit, "Inspect", days, new DateOnly(2026, 12, 10)));

        Assert.Contains("between 1 and", refused.Message);
    }

    [Fact]
    public void TheReleaseSignatureCoversWhatWasDone()
    {
        var (unit, order) = Raised();
        order.Start(unit, Technician, T0);
        var started = order.Content().Hash();

        order.Complete("Sieve replaced", "Sieve SV-10 x1", Technician, T0.AddHours(1));

        Assert.Contains("Sieve SV-10 x1", order.Content().Text);
        Assert.Contains("Sieve replaced", order.Content().Text);
        Assert.NotEqual(started, order.Content().Hash());
    }
}
