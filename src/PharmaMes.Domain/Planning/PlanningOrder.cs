namespace PharmaMes.Domain.Planning;

/// <summary>
/// An order to schedule: its product (changeovers between different products take time), when it may start (its
/// materials released), when it is due, how much its lateness weighs, and its operations in step order.
/// </summary>
/// <param name="Weight">How much a minute of lateness counts (<see cref="Production.OrderPriority.WeightOf"/>: 16 for Urgent down to 1 for Low).</param>
public sealed record PlanningOrder(string Number, string Product, DateTimeOffset EarliestStart, DateTimeOffset Due, int Weight,
    IReadOnlyList<PlanningOperation> Operations);
