using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Production;

/// <summary>The one table of legal production order status changes.</summary>
public static class OrderStatusMachine
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.Planned] = [OrderStatus.Released, OrderStatus.Cancelled],
        [OrderStatus.Released] = [OrderStatus.InProgress, OrderStatus.Cancelled],
        // Once material has been used the order is completed, never cancelled: its batches are on record.
        [OrderStatus.InProgress] = [OrderStatus.Completed],
        [OrderStatus.Completed] = [OrderStatus.Closed],
        [OrderStatus.Closed] = [],
        [OrderStatus.Cancelled] = [],
    };

    public static bool CanChange(OrderStatus from, OrderStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyCollection<OrderStatus> NextStatuses(OrderStatus from) => Array.AsReadOnly(Allowed[from]);

    public static void EnsureCanChange(OrderStatus from, OrderStatus to, OrderNumber order)
    {
        if (from == to)
            throw new DomainException($"Order {order} is already {to}.");
        if (!CanChange(from, to))
            throw new DomainException(Allowed[from].Length == 0
                ? $"Order {order} is {from}: its status can no longer change."
                : $"Order {order} cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed[from])}.");
    }
}
