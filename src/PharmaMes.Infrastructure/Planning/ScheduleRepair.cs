using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// Re-plans only what a disturbance touches, for plants too large to plan whole within seconds: the orders with an
/// operation on the failed equipment before it is expected back (and orders the schedule in force does not hold yet,
/// or holds as starting in the past) are planned again; every other operation keeps its place and blocks its
/// equipment, padded by the equipment's changeover on both sides so that any product may come before or after it.
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
