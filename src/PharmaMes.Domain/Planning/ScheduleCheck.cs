namespace PharmaMes.Domain.Planning;

/// <summary>
/// What is wrong with a schedule, in words a planner reads: an operation missing or on equipment that cannot run it,
/// of the wrong length, before its order may start or its previous step ends, overlapping another on the same
/// equipment or a time the equipment cannot run, or without the changeover between two products. One rule for every
/// schedule: the solver's, the dispatcher's, and a planner's change on the board.
/// </summary>
public static class ScheduleCheck
{
    public static IReadOnlyList<string> Problems(PlanningProblem problem, IReadOnlyList<PlannedOperation> operations)
    {
        var problems = new List<string>();
        foreach (var order in problem.Orders)
        {
            DateTimeOffset? previousEnd = null;
            foreach (var step in order.Operations.OrderBy(o => o.Step))
            {
                var placed = operations.Where(o => o.OrderNumber == order.Number && o.Step == step.Step).ToList();
                if (placed.Count != 1)
                {
                    problems.Add($"{order.Number} step {step.Step} is placed {placed.Count} times.");
                    continue;
                }
                var op = placed[0];
                if (!step.DurationOn.TryGetValue(op.Equipment, out var duration))
                    problems.Add($"{order.Number} step {step.Step} cannot run on {op.Equipment}: it runs on {string.Join(", ", step.DurationOn.Keys)}.");
                else if (op.End - op.Start != duration)
                    problems.Add($"{order.Number} step {step.Step} takes {duration.TotalMinutes:0} min on {op.Equipment}, not {(op.End - op.Start).TotalMinutes:0}.");
                if (op.Start < problem.Now || op.Start < order.EarliestStart)
                    problems.Add($"{order.Number} step {step.Step} starts at {op.Start:yyyy-MM-dd HH:mm}, before the order may start ({Max(order.EarliestStart, problem.Now):yyyy-MM-dd HH:mm}).");
                if (previousEnd is { } end && op.Start < end)
                    problems.Add($"{order.Number} step {step.Step} starts before its previous step ends ({end:yyyy-MM-dd HH:mm}).");
                if (problem.FindEquipment(op.Equipment) is { } equipment && op.Start < equipment.FreeFrom)
                    problems.Add($"{order.Number} step {step.Step} starts before {op.Equipment} is free ({equipment.FreeFrom:yyyy-MM-dd HH:mm}).");
                foreach (var blocked in problem.Unavailable.Where(u => u.Equipment == op.Equipment && u.Start < op.End && op.Start < u.End))
                    problems.Add($"{order.Number} step {step.Step} runs on {op.Equipment} while it is unavailable ({blocked.Reason}, {blocked.Start:HH:mm}–{blocked.End:HH:mm}).");
                previousEnd = op.End;
            }
        }
        var products = problem.Orders.ToDictionary(o => o.Number, o => o.Product);
        foreach (var onEquipment in operations.GroupBy(o => o.Equipment))
        {
            var sequence = onEquipment.OrderBy(o => o.Start).ToList();
            var equipment = problem.FindEquipment(onEquipment.Key);
            var (lastProduct, lastEnd) = (equipment?.LastProduct, equipment?.FreeFrom ?? problem.Now);
            for (var i = 0; i < sequence.Count; i++)
            {
                var op = sequence[i];
                var product = products.GetValueOrDefault(op.OrderNumber, "");
                if (i > 0 && op.Start < sequence[i - 1].End)
                    problems.Add($"{op.OrderNumber} step {op.Step} overlaps {sequence[i - 1].OrderNumber} step {sequence[i - 1].Step} on {op.Equipment}.");
                else if (op.Start < lastEnd + problem.ChangeoverBetween(op.Equipment, lastProduct, product))
                    problems.Add($"{op.OrderNumber} step {op.Step} leaves {op.Equipment} no changeover after {lastProduct} " +
                                 $"({problem.ChangeoverBetween(op.Equipment, lastProduct, product).TotalMinutes:0} min).");
                (lastProduct, lastEnd) = (product, op.End);
            }
        }
        return problems;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
