using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class ProductionOrderLifecycle
{
    [Fact]
    public void PlanStartsPlannedWithEverythingPlanningGave()
    {
        var order = ProductionOrder.Plan(OrderNo, new MaterialCode("PARA-500"), KgOf(400), DueDate, 2, T0,
            " SAP-4711 ", " CUST-88 ", new PlantCode("LINE-1"));

        Assert.NotEqual(Guid.Empty, order.Id);
        Assert.Equal(OrderNo, order.Number);
        Assert.Equal(new MaterialCode("PARA-500"), order.ProductCode);
        Assert.Equal(KgOf(400), order.Quantity);
        Assert.Equal(DueDate, order.DueDate);
        Assert.Equal(2, order.Priority);
        Assert.Equal("SAP-4711", order.ExternalId);
        Assert.Equal("CUST-88", order.CustomerReference);
        Assert.Equal(new PlantCode("LINE-1"), order.LineCode);
        Assert.Equal(OrderStatus.Planned, order.Status);
        Assert.Equal(T0, order.CreatedAt);
        Assert.Null(order.ReleasedAt);
        Assert.False(order.AcceptsBatches);
    }

    [Fact]
    public void LeavesOptionalReferencesEmpty()
    {
        var order = PlannedOrder();

        Assert.Null(order.ExternalId);
        Assert.Null(order.CustomerReference);
        Assert.Null(order.LineCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void RefusesAPriorityOutsideOneToFive(int priority)
    {
        var ex = Assert.Throws<DomainException>(() => ProductionOrder.Plan(OrderNo, new MaterialCode("PARA-500"), KgOf(400), DueDate, priority, T0));

        Assert.Equal($"The priority of order PO-2026-0001 must be one of 1 Urgent, 2 High, 3 Normal, 4 Flexible, 5 Low (got {priority}).", ex.Message);
    }

    [Theory]
    [InlineData(1, "Urgent")]
    [InlineData(3, "Normal")]
    [InlineData(5, "Low")]
    public void NamesThePriority(int priority, string name)
    {
        var order = ProductionOrder.Plan(OrderNo, new MaterialCode("PARA-500"), KgOf(400), DueDate, priority, T0);

        Assert.Equal((priority, name), (order.Priority, order.PriorityName));
    }

    [Fact]
    public void AnUrgentMinuteLateWeighsSixteenLowOnes()
    {
        Assert.Equal([16, 8, 4, 2, 1], Enumerable.Range(1, 5).Select(OrderPriority.WeightOf));
    }

    [Fact]
    public void RefusesAQuantityOfZero()
    {
        var ex = Assert.Throws<DomainException>(() => ProductionOrder.Plan(OrderNo, new MaterialCode("PARA-500"), KgOf(0), DueDate, 5, T0));

        Assert.Equal("The quantity of order PO-2026-0001 must be more than zero.", ex.Message);
    }

    [Fact]
    public void RefusesAnExternalIdOverSixtyCharacters()
    {
        var ex = Assert.Throws<DomainException>(() =>
            ProductionOrder.Plan(OrderNo, new MaterialCode("PARA-500"), KgOf(1), DueDate, 5, T0, new string('x', 61)));

        Assert.Equal("An external order id must be at most 60 characters (got 61).", ex.Message);
    }

    [Fact]
    public void ReplansAPlannedOrder()
    {
        var order = PlannedOrder();

        order.Replan(KgOf(600), DueDate.AddDays(7), 1, new PlantCode("LINE-2"));

        Assert.Equal(KgOf(600), order.Quantity);
        Assert.Equal(DueDate.AddDays(7), order.DueDate);
        Assert.Equal(1, order.Priority);
        Assert.Equal(new PlantCode("LINE-2"), order.LineCode);
    }

    [Fact]
    public void ReplansAReleasedOrderThatHasNotStarted()
    {
        var order = ReleasedOrder();

        order.Replan(KgOf(600), DueDate.AddDays(1), 2, null);

        Assert.Equal((KgOf(600), DueDate.AddDays(1), 2), (order.Quantity, order.DueDate, order.Priority));
        Assert.Equal(OrderStatus.Released, order.Status);
    }

    [Fact]
    public void RefusesToReplanAnOrderInProgress()
    {
        var order = ReleasedOrder();
        order.Start(At(2));

        var ex = Assert.Throws<DomainException>(() => order.Replan(KgOf(600), DueDate, 1, null));

        Assert.Equal("Order PO-2026-0001 is InProgress: only a Planned or Released order that has not started can be changed.", ex.Message);
        Assert.Equal(KgOf(400), order.Quantity);
        Assert.False(order.IsChangeable);
    }

    [Fact]
    public void RefusesAChangeOfUnit()
    {
        var order = PlannedOrder();

        var ex = Assert.Throws<DomainException>(() => order.Replan(new Quantity(600, "pcs"), DueDate, 1, null));

        Assert.Equal("Order PO-2026-0001 is counted in kg, not pcs.", ex.Message);
    }

    [Fact]
    public void ReleaseStartCompleteAndCloseFollowEachOther()
    {
        var order = PlannedOrder();

        order.Release(At(1));
        Assert.True(order.AcceptsBatches);
        order.Start(At(2));
        Assert.True(order.AcceptsBatches);
        order.Complete(At(3));
        Assert.False(order.AcceptsBatches);
        order.Close(At(4));

        Assert.Equal(OrderStatus.Closed, order.Status);
        Assert.Equal(At(1), order.ReleasedAt);
        Assert.Equal(At(2), order.StartedAt);
        Assert.Equal(At(3), order.CompletedAt);
        Assert.Equal(At(4), order.ClosedAt);
    }

    [Fact]
    public void ASecondBatchStartingChangesNothing()
    {
        var order = ReleasedOrder();
        order.Start(At(2));

        order.Start(At(30));

        Assert.Equal(OrderStatus.InProgress, order.Status);
        Assert.Equal(At(2), order.StartedAt);
    }

    [Fact]
    public void APlannedOrderCannotStart()
    {
        var ex = Assert.Throws<DomainException>(() => PlannedOrder().Start(At(1)));

        Assert.Equal("Order PO-2026-0001 cannot go from Planned to InProgress. From Planned it can go to: Released, Cancelled.", ex.Message);
    }

    [Fact]
    public void CancelsAReleasedOrderWithAReason()
    {
        var order = ReleasedOrder();

        order.Cancel(" Customer withdrew the order ", At(5));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("Customer withdrew the order", order.CancelReason);
        Assert.Equal(At(5), order.CancelledAt);
        Assert.False(order.AcceptsBatches);
    }

    [Fact]
    public void RefusesToCancelWithoutAReason()
    {
        var order = PlannedOrder();

        var ex = Assert.Throws<DomainException>(() => order.Cancel(" ", At(5)));

        Assert.Equal("A reason for cancelling an order is required.", ex.Message);
        Assert.Equal(OrderStatus.Planned, order.Status);
    }

    [Fact]
    public void RefusesToCancelAnOrderInProgress()
    {
        var order = ReleasedOrder();
        order.Start(At(2));

        var ex = Assert.Throws<DomainException>(() => order.Cancel("Too late", At(5)));

        Assert.Equal("Order PO-2026-0001 cannot go from InProgress to Cancelled. From InProgress it can go to: Completed.", ex.Message);
        Assert.Null(order.CancelReason);
    }

    [Fact]
    public void EveryChangeCountsAVersionAndARefusedOneDoesNot()
    {
        var order = PlannedOrder();
        Assert.Equal(0, order.Version);

        order.Replan(KgOf(500), DueDate.AddDays(2), 1, null);
        order.ChangeCustomerReference("CUST-9");
        order.Release(At(1));
        order.Start(At(2));
        order.Start(At(3));
        Assert.Throws<DomainException>(() => order.Cancel("Too late", At(4)));
        order.Complete(At(5));
        order.Close(At(6));

        // A second batch starting an order already in progress changes nothing, so it is no new version.
        Assert.Equal(6, order.Version);
    }
}
