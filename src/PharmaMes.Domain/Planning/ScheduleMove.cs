namespace PharmaMes.Domain.Planning;

/// <summary>
/// A planner's move of one operation on the board: to another eligible equipment or another time. The moved operation
/// goes exactly where it was put; every other operation keeps its equipment and moves only later, as little as it must,
/// in time order: after its equipment is free (with the changeover between products), after its order's previous step,
/// and outside the times its equipment cannot run. A move that cannot stand (equipment of the wrong class, in the past,
/// before its materials or its previous step, on equipment busy or unavailable then) is refused with why.
/// </summary>
public static class ScheduleMove
{
    public static ScheduleMoveResult Apply(PlanningProblem problem, IReadOnlyList<PlannedOperation> current, string order, int step, string equipment,
        DateTimeOffset start)
    {
        var orders = problem.Orders.ToDictionary(o => o.Number);
        if (!orders.TryGetValue(order, out var moving) || moving.Operations.FirstOrDefault(o => o.Step == step) is not { } operation)
            return Refused($"{order} step {step} is not an open operation of the schedule.");
        if (!operation.DurationOn.TryGetValue(equipment, out var duration))
            return Refused($"{order} step {step} cannot run on {equipment}: it runs on {string.Join(", ", operation.DurationOn.Keys.Order(StringComparer.Ordinal))}.");
        start = new DateTimeOffset(start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var moved = new PlannedOperation(order, step, equipment, start, start + duration);

        // Only what is still open is planned: operations of steps that began since the schedule was made are gone.
        var others = current.Where(o => !(o.OrderNumber == order && o.Step == step)
                && orders.TryGetValue(o.OrderNumber, out var open) && open.Operations.Any(s => s.Step == o.Step))
            .OrderBy(o => o.Start).ThenBy(o => o.OrderNumber, StringComparer.Ordinal).ThenBy(o => o.Step).ToList();
        var placed = new List<PlannedOperation> { moved };
        foreach (var op in others)
        {
            var earliest = Later(op.Start, placed.Where(p => p.OrderNumber == op.OrderNumber && p.Step < op.Step).Select(p => p.End).DefaultIfEmpty(op.Start).Max());
            var at = FirstFit(problem, placed, op.Equipment, orders[op.OrderNumber].Product, earliest, op.End - op.Start, orders);
            placed.Add(op with { Start = at, End = at + (op.End - op.Start) });
        }

        var problems = MovedProblems(problem, placed, moved, moving, orders);
        return new ScheduleMoveResult(problems, problems.Count > 0 ? [] : [.. placed.OrderBy(p => p.Start).ThenBy(p => p.Equipment, StringComparer.Ordinal)]);
    }

    /// <summary>The first start from <paramref name="earliest"/> at which the equipment is free long enough, changeovers included.</summary>
    private static DateTimeOffset FirstFit(PlanningProblem problem, List<PlannedOperation> placed, string equipment, string product, DateTimeOffset earliest,
        TimeSpan length, Dictionary<string, PlanningOrder> orders)
    {
        var unit = problem.FindEquipment(equipment);
        var at = Later(earliest, (unit?.FreeFrom ?? problem.Now) + problem.ChangeoverBetween(equipment, unit?.LastProduct, product));
        var onEquipment = placed.Where(p => p.Equipment == equipment).ToList();
        for (var guard = 0; guard < 10_000; guard++)
        {
            var end = at + length;
            var clash = onEquipment.FirstOrDefault(p =>
                at < p.End + problem.ChangeoverBetween(equipment, orders[p.OrderNumber].Product, product)
                && p.Start < end + problem.ChangeoverBetween(equipment, product, orders[p.OrderNumber].Product));
            if (clash is not null)
            {
                at = clash.End + problem.ChangeoverBetween(equipment, orders[clash.OrderNumber].Product, product);
                continue;
            }
            var blocked = problem.Unavailable.FirstOrDefault(u => u.Equipment == equipment && u.Start < end && at < u.End);
            if (blocked is null)
                return at;
            at = blocked.End;
        }
        return at;
    }

    private static List<string> MovedProblems(PlanningProblem problem, List<PlannedOperation> placed, PlannedOperation moved, PlanningOrder order,
        Dictionary<string, PlanningOrder> orders)
    {
        var problems = new List<string>();
        var what = $"{moved.OrderNumber} step {moved.Step}";
        if (moved.Start < problem.Now)
            return [$"{what} cannot start in the past ({Time(moved.Start)})."];
        if (moved.Start < order.EarliestStart)
            problems.Add($"{what} cannot start before {Time(order.EarliestStart)}, when its order's materials are there.");
        if (placed.Where(p => p.OrderNumber == moved.OrderNumber && p.Step < moved.Step).Select(p => (DateTimeOffset?)p.End).Max() is { } previous
            && moved.Start < previous)
            problems.Add($"{what} starts before its previous step ends ({Time(previous)}).");
        var unit = problem.FindEquipment(moved.Equipment);
        var before = placed.Where(p => p != moved && p.Equipment == moved.Equipment && p.Start < moved.Start).MaxBy(p => p.End);
        var (lastProduct, freeFrom) = before is null ? (unit?.LastProduct, unit?.FreeFrom ?? problem.Now) : (orders[before.OrderNumber].Product, before.End);
        var changeover = problem.ChangeoverBetween(moved.Equipment, lastProduct, order.Product);
        if (moved.Start < freeFrom + changeover)
            problems.Add(before is null
                ? $"{what} starts before {moved.Equipment} is free ({Time(freeFrom + changeover)}{(changeover > TimeSpan.Zero ? ", after its changeover" : "")})."
                : $"{what} overlaps {before.OrderNumber} step {before.Step} on {moved.Equipment}{(changeover > TimeSpan.Zero ? $" or leaves no {changeover.TotalMinutes:0} min changeover after it" : "")}.");
        foreach (var blocked in problem.Unavailable.Where(u => u.Equipment == moved.Equipment && u.Start < moved.End && moved.Start < u.End))
            problems.Add($"{what} would run on {moved.Equipment} while it cannot run ({blocked.Reason}, {Time(blocked.Start)} – {Time(blocked.End)}).");
        return problems;
    }

    private static ScheduleMoveResult Refused(string problem) => new([problem], []);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("ddd dd MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
