using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// Re-plans only what a disturbance touches, for plants too large to plan whole within seconds: the orders with an
/// operation on the failed equipment before it is expected back (and orders the schedule in force does not hold yet,
/// or holds as starting in the past) are planned again; every other operation keeps its place and blocks its
/// equipment, padded by the equipment's changeover on both sides so that any product may come before or after it.
/// The same keeps the orders a planner placed by hand where they are when the plant is planned again by itself.
/// </summary>
public static class ScheduleRepair
{
    public static ScheduleProposal Plan(PlanningProblem problem, IReadOnlyList<PlannedOperation> inForce, string equipment, DateTimeOffset until,
        TimeSpan timeLimit, int maxSolverOperations)
    {
        var open = problem.Orders.SelectMany(o => o.Operations.Select(op => (o.Number, op.Step))).ToHashSet();
        var current = inForce.Where(o => open.Contains((o.OrderNumber, o.Step))).ToList();
        var placed = current.Select(o => (o.OrderNumber, o.Step)).ToHashSet();
        var touched = current.Where(o => (o.Equipment == equipment && o.End > problem.Now && o.Start < until) || o.Start < problem.Now)
            .Select(o => o.OrderNumber).ToHashSet();
        // An order the schedule in force lacks an operation of (a new order, a changed recipe) is planned again whole.
        touched.UnionWith(problem.Orders.Where(o => o.Operations.Any(op => !placed.Contains((o.Number, op.Step)))).Select(o => o.Number));
        return Replan(problem, current, touched, timeLimit, maxSolverOperations);
    }

    /// <summary>
    /// Plans the plant again around the orders a planner placed by hand: they keep their operations (unless one of them
    /// lies in the past, before the order may start, or is no longer open), every other order is planned anew.
    /// </summary>
    /// <summary>The whole plant planned: around the orders a planner placed by hand when there are any.</summary>
    public static ScheduleProposal PlanWhole(PlanningProblem problem, IReadOnlyList<ScheduledOperation> inForce, TimeSpan timeLimit, int maxSolverOperations)
    {
        var pinned = inForce.Where(o => o.Pinned).Select(o => o.OrderNumber).ToHashSet();
        return pinned.Count == 0
            ? SchedulePlanner.Plan(problem, timeLimit, maxSolverOperations)
            : PlanAround(problem, [.. inForce.Select(o => o.Planned)], pinned, timeLimit, maxSolverOperations);
    }

    public static ScheduleProposal PlanAround(PlanningProblem problem, IReadOnlyList<PlannedOperation> inForce, IReadOnlySet<string> pinnedOrders,
        TimeSpan timeLimit, int maxSolverOperations)
    {
        var open = problem.Orders.SelectMany(o => o.Operations.Select(op => (o.Number, op.Step))).ToHashSet();
        var current = inForce.Where(o => open.Contains((o.OrderNumber, o.Step))).ToList();
        var placed = current.Select(o => (o.OrderNumber, o.Step)).ToHashSet();
        var starts = current.GroupBy(o => o.OrderNumber).ToDictionary(g => g.Key, g => g.Min(o => o.Start));
        var kept = problem.Orders.Where(o => pinnedOrders.Contains(o.Number) && o.Operations.All(op => placed.Contains((o.Number, op.Step)))
                && starts[o.Number] >= problem.Now && starts[o.Number] >= o.EarliestStart)
            .Select(o => o.Number).ToHashSet();
        return Replan(problem, current, [.. problem.Orders.Select(o => o.Number).Where(n => !kept.Contains(n))], timeLimit, maxSolverOperations);
    }

    private static ScheduleProposal Replan(PlanningProblem problem, List<PlannedOperation> current, HashSet<string> touched, TimeSpan timeLimit,
        int maxSolverOperations)
    {
        var kept = current.Where(o => !touched.Contains(o.OrderNumber)).ToList();
        var blocked = kept.Select(k =>
        {
            var changeover = problem.FindEquipment(k.Equipment)?.Changeover ?? TimeSpan.Zero;
            return new Unavailability(k.Equipment, k.Start - changeover, k.End + changeover, $"{k.OrderNumber} step {k.Step}");
        });
        var sub = problem with
        {
            Orders = [.. problem.Orders.Where(o => touched.Contains(o.Number))],
            Unavailable = Unavailability.Merge([.. problem.Unavailable, .. blocked]),
        };
        var solved = SchedulePlanner.Plan(sub, timeLimit, maxSolverOperations);
        return ScheduleProposal.Of(problem, [.. kept, .. solved.Operations], $"{solved.Method}, {sub.Orders.Count} of {problem.Orders.Count} orders re-planned");
    }
}
