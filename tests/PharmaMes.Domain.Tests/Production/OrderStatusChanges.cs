using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using static PharmaMes.Domain.Production.OrderStatus;

namespace PharmaMes.Domain.Tests.Production;

public class OrderStatusChanges
{
    private static readonly OrderNumber Order = new("PO-2026-0001");

    /// <summary>Every (from, to) pair of order statuses, written out by hand: 6 × 6 = 36 rows.</summary>
    public static TheoryData<OrderStatus, OrderStatus, bool> Table => new()
    {
        { Planned, Planned, false },
        { Planned, Released, true },
        { Planned, InProgress, false },
        { Planned, Completed, false },
        { Planned, Closed, false },
        { Planned, Cancelled, true },

        { Released, Planned, false },
        { Released, Released, false },
        { Released, InProgress, true },
        { Released, Completed, false },
        { Released, Closed, false },
        { Released, Cancelled, true },

        { InProgress, Planned, false },
        { InProgress, Released, false },
        { InProgress, InProgress, false },
        { InProgress, Completed, true },
        { InProgress, Closed, false },
        { InProgress, Cancelled, false },

        { Completed, Planned, false },
        { Completed, Released, false },
        { Completed, InProgress, false },
        { Completed, Completed, false },
        { Completed, Closed, true },
        { Completed, Cancelled, false },

        { Closed, Planned, false },
        { Closed, Released, false },
        { Closed, InProgress, false },
        { Closed, Completed, false },
        { Closed, Closed, false },
        { Closed, Cancelled, false },

        { Cancelled, Planned, false },
        { Cancelled, Released, false },
        { Cancelled, InProgress, false },
        { Cancelled, Completed, false },
        { Cancelled, Closed, false },
        { Cancelled, Cancelled, false },
    };

    [Fact]
    public void TheTableCoversEveryPairOfStatusesOnce()
    {
        var statuses = Enum.GetValues<OrderStatus>();
        var pairs = Table.Select(row => ((OrderStatus)row[0], (OrderStatus)row[1])).ToList();

        Assert.Equal(36, pairs.Count);
        Assert.Equal(statuses.Length * statuses.Length, pairs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsExactlyTheChangesInTheTable(OrderStatus from, OrderStatus to, bool legal)
    {
        Assert.Equal(legal, OrderStatusMachine.CanChange(from, to));
        Assert.Equal(legal, OrderStatusMachine.NextStatuses(from).Contains(to));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EnsureCanChangeRefusesExactlyTheIllegalChanges(OrderStatus from, OrderStatus to, bool legal)
    {
        var ex = Record.Exception(() => OrderStatusMachine.EnsureCanChange(from, to, Order));

        if (legal)
            Assert.Null(ex);
        else
            Assert.IsType<DomainException>(ex);
    }

    [Theory]
    [InlineData(Planned, Planned, "Order PO-2026-0001 is already Planned.")]
    [InlineData(Planned, Completed, "Order PO-2026-0001 cannot go from Planned to Completed. From Planned it can go to: Released, Cancelled.")]
    [InlineData(InProgress, Cancelled, "Order PO-2026-0001 cannot go from InProgress to Cancelled. From InProgress it can go to: Completed.")]
    [InlineData(Closed, Released, "Order PO-2026-0001 is Closed: its status can no longer change.")]
    [InlineData(Cancelled, Released, "Order PO-2026-0001 is Cancelled: its status can no longer change.")]
    public void ExplainsAnIllegalChange(OrderStatus from, OrderStatus to, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => OrderStatusMachine.EnsureCanChange(from, to, Order));

        Assert.Equal(expected, ex.Message);
    }
}
