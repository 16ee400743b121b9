namespace PharmaMes.Domain.Planning;

/// <summary>
/// A schedule for a problem: every operation placed, each order's end and lateness, and the figures it is judged by:
/// the total weighted tardiness first (minutes late × weight, summed), then the makespan.
/// </summary>
/// <param name="Method">How it was made ("CP-SAT Optimal", "CP-SAT Feasible", "Earliest due date").</param>
public sealed record ScheduleProposal(IReadOnlyList<PlannedOperation> Operations, IReadOnlyList<OrderOutcome> Orders, string Method)
{
    public double WeightedTardinessMinutes => Orders.Sum(o => o.Lateness.TotalMinutes * o.Weight);

    public DateTimeOffset? Makespan => Operations.Count == 0 ? null : Operations.Max(o => o.End);

    /// <summary>The operations of the problem placed as given, with each order's outcome.</summary>
    public static ScheduleProposal Of(PlanningProblem problem, IReadOnlyList<PlannedOperation> operations, string method)
    {
        var outcomes = problem.Orders.Select(order =>
        {
            var end = operations.Where(o => o.OrderNumber == order.Number).Select(o => o.End).DefaultIfEmpty(problem.Now).Max();
            return new OrderOutcome(order.Number, end, order.Due, end > order.Due ? end - order.Due : TimeSpan.Zero, order.Weight);
        }).ToList();
        return new ScheduleProposal([.. operations.OrderBy(o => o.Start).ThenBy(o => o.Equipment, StringComparer.Ordinal)], outcomes, method);
    }
}
