namespace PharmaMes.Domain.Planning;

/// <summary>
/// The simple rule a planner uses by hand, and the yardstick for the solver: orders by due date (then weight), each
/// step on the eligible equipment where it ends soonest, after its previous step, the equipment's last operation and
/// changeover, and outside the times the equipment cannot run. Always finds a schedule.
/// </summary>
public static class EarliestDueDateDispatcher
{
    public static ScheduleProposal Plan(PlanningProblem problem)
    {
        var free = problem.Equipment.ToDictionary(e => e.Code, e => (At: Max(e.FreeFrom, problem.Now), Product: e.LastProduct));
        var placed = new List<PlannedOperation>();
        foreach (var order in problem.Orders.OrderBy(o => o.Due).ThenByDescending(o => o.Weight).ThenBy(o => o.Number, StringComparer.Ordinal))
        {
            var ready = Max(order.EarliestStart, problem.Now);
            foreach (var step in order.Operations.OrderBy(o => o.Step))
            {
                PlannedOperation? best = null;
                foreach (var (equipment, duration) in step.DurationOn.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    var (at, product) = free.GetValueOrDefault(equipment, (problem.Now, null));
                    var start = Max(ready, at + problem.ChangeoverBetween(equipment, product, order.Product));
                    start = FirstFit(problem, equipment, start, duration);
                    if (best is null || start + duration < best.End)
                        best = new PlannedOperation(order.Number, step.Step, equipment, start, start + duration);
                }
                if (best is null)
                    continue;
                placed.Add(best);
                free[best.Equipment] = (best.End, order.Product);
                ready = best.End;
            }
        }
        return ScheduleProposal.Of(problem, placed, "Earliest due date");
    }

    /// <summary>The first start at or after <paramref name="start"/> where the operation meets no unavailability.</summary>
    private static DateTimeOffset FirstFit(PlanningProblem problem, string equipment, DateTimeOffset start, TimeSpan duration)
    {
        var blocked = problem.Unavailable.Where(u => u.Equipment == equipment).OrderBy(u => u.Start).ToList();
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var window in blocked.Where(w => w.Start < start + duration && start < w.End))
            {
                start = window.End;
                moved = true;
            }
        }
        return start;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
