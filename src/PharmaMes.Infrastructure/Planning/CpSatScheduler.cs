using System.Diagnostics;
using Google.OrTools.Sat;
using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// The schedule model, in one place, solved with Google OR-Tools CP-SAT. Time is in whole minutes from the problem's
/// now.
/// <list type="bullet">
/// <item>Each operation has one start and end, and one optional interval per eligible equipment; exactly one is present
/// (the equipment it runs on), so its length is that equipment's duration.</item>
/// <item>An order's steps run in order, not before the order may start nor before the equipment is free.</item>
/// <item>No two operations overlap on an equipment, nor an operation and a time the equipment cannot run (fixed intervals).</item>
/// <item>Changeovers: on an equipment with a changeover time, the operations on it form a circuit through a depot (the
/// equipment's state now); an arc between two operations of different products leaves the changeover between them.</item>
/// <item>Objective: the total weighted tardiness (minutes late × weight) first, then the sum of the orders' ends (each order
/// as early as it can be).</item>
/// </list>
/// The earliest-due-date dispatcher's schedule is the search's first guess; without a better solution within the time
/// limit it is returned, so there is always a plan and never a worse one.
/// </summary>
public static class CpSatScheduler
{
    public static ScheduleProposal Plan(PlanningProblem problem, TimeSpan timeLimit)
    {
        if (problem.Orders.Sum(o => o.Operations.Count) == 0)
            return ScheduleProposal.Of(problem, [], "CP-SAT Optimal");
        var watch = Stopwatch.StartNew();
        var model = new CpModel();
        long Minutes(DateTimeOffset at) => Math.Max(0, (long)Math.Ceiling((at - problem.Now).TotalMinutes));
        static long Length(TimeSpan span) => (long)Math.Ceiling(span.TotalMinutes);
        var horizon = Horizon(problem, Minutes);

        var steps = new List<Step>();
        var byEquipment = new Dictionary<string, List<(Step Step, long Duration, BoolVar Present, IntervalVar Interval)>>();
        var ends = new List<IntVar>();
        var tardiness = new List<LinearExpr>();
        var lateness = new Dictionary<string, IntVar>();
        foreach (var order in problem.Orders)
        {
            IntVar? previousEnd = null;
            foreach (var operation in order.Operations.OrderBy(o => o.Step))
            {
                var name = $"{order.Number}/{operation.Step}";
                var step = new Step(order, operation, model.NewIntVar(0, horizon, $"start {name}"), model.NewIntVar(0, horizon, $"end {name}"));
                steps.Add(step);
                model.Add(step.Start >= Minutes(order.EarliestStart));
                if (previousEnd is not null)
                    model.Add(step.Start >= previousEnd);
                var choices = new List<ILiteral>();
                foreach (var (code, duration) in operation.DurationOn)
                {
                    var present = model.NewBoolVar($"{name} on {code}");
                    var interval = model.NewOptionalIntervalVar(step.Start, Length(duration), step.End, present, $"{name} on {code}");
                    if (problem.FindEquipment(code) is { } equipment)
                        model.Add(step.Start >= Minutes(equipment.FreeFrom)).OnlyEnforceIf(present);
                    (byEquipment.TryGetValue(code, out var list) ? list : byEquipment[code] = []).Add((step, Length(duration), present, interval));
                    step.Choices[code] = present;
                    choices.Add(present);
                }
                model.AddExactlyOne(choices);
                previousEnd = step.End;
            }
            if (previousEnd is null)
                continue;
            ends.Add(previousEnd);
            var late = model.NewIntVar(0, horizon, $"late {order.Number}");
            model.Add(late >= previousEnd - Minutes(order.Due));
            lateness[order.Number] = late;
            tardiness.Add(late * order.Weight);
        }

        var circuits = new List<Circuit>();
        foreach (var (code, candidates) in byEquipment)
        {
            var blocked = problem.Unavailable.Where(u => u.Equipment == code && u.End > problem.Now)
                .Select((u, i) => model.NewFixedSizeIntervalVar(Minutes(u.Start), Math.Max(1, Minutes(u.End) - Minutes(u.Start)), $"{code} unavailable {i}"));
            model.AddNoOverlap(candidates.Select(c => c.Interval).Concat(blocked));
            if (problem.FindEquipment(code) is { Changeover.TotalMinutes: > 0 } equipment)
                circuits.Add(AddChangeovers(model, problem, equipment, candidates, Minutes));
        }

        // The earliest-due-date schedule as the solver's first guess: a short time limit still starts from a good plan.
        // Hinted whole (starts, ends, equipment, and each circuit's arcs), so the search has a solution at once.
        var baseline = EarliestDueDateDispatcher.Plan(problem);
        var hinted = baseline.Operations.ToDictionary(o => (o.OrderNumber, o.Step));
        foreach (var step in steps)
            if (hinted.TryGetValue((step.Order.Number, step.Operation.Step), out var hint))
            {
                model.AddHint(step.Start, Minutes(hint.Start));
                model.AddHint(step.End, Minutes(hint.Start) + Length(hint.End - hint.Start));
                foreach (var (code, present) in step.Choices)
                    model.AddHint(present, code == hint.Equipment);
            }
        var stepOf = steps.ToDictionary(s => (s.Order.Number, s.Operation.Step));
        foreach (var circuit in circuits)
            circuit.Hint(model, [.. baseline.Operations.Where(o => o.Equipment == circuit.Equipment).OrderBy(o => o.Start)
                .Select(o => stepOf[(o.OrderNumber, o.Step)])]);

        foreach (var outcome in baseline.Orders)
            if (lateness.TryGetValue(outcome.OrderNumber, out var late))
                model.AddHint(late, Length(outcome.Lateness));

        // Lexicographic: a minute of weighted lateness outweighs any sum of the orders' ends. The ends then make each
        // order as early as it can be (a makespan alone would let any order slip that does not end last).
        model.Minimize(LinearExpr.Sum(tardiness) * ((long)problem.Orders.Count * horizon + 1) + LinearExpr.Sum(ends));

        // catch_sigint_signal: CP-SAT's own Ctrl-C handler leaves SIGINT at its default after a solve,
        // which then ends the process on the spot instead of the host's orderly shutdown.
        var solver = new CpSolver
        {
            StringParameters = $"max_time_in_seconds:{Math.Max(0.1, timeLimit.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)} num_workers:2 cp_model_probing_level:0 symmetry_level:0 catch_sigint_signal:false",
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return baseline with { Method = $"Earliest due date (CP-SAT: {status} in {watch.Elapsed.TotalSeconds:0.0} s)" };
        var placed = steps.Select(step =>
        {
            var code = step.Choices.Single(c => solver.BooleanValue(c.Value)).Key;
            return new PlannedOperation(step.Order.Number, step.Operation.Step, code,
                problem.Now.AddMinutes(solver.Value(step.Start)), problem.Now.AddMinutes(solver.Value(step.Start)) + step.Operation.DurationOn[code]);
        }).ToList();
        var proposal = ScheduleProposal.Of(problem, placed, $"CP-SAT {(status == CpSolverStatus.Optimal ? "Optimal" : "Feasible")}");
        // Never worse than the simple rule, also when the time limit stopped the search early.
        return proposal.WeightedTardinessMinutes <= baseline.WeightedTardinessMinutes ? proposal : baseline with { Method = "Earliest due date (better than CP-SAT in the time limit)" };
    }

    /// <summary>
    /// The operations on one equipment as a circuit through a depot node 0 (the equipment as it is now): an arc from the
    /// depot to an operation makes it the first (after the changeover from the last product), an arc between two
    /// operations the next, a self-loop an operation that runs elsewhere.
    /// </summary>
    private static Circuit AddChangeovers(CpModel model, PlanningProblem problem, PlanningEquipment equipment,
        List<(Step Step, long Duration, BoolVar Present, IntervalVar Interval)> candidates, Func<DateTimeOffset, long> minutes)
    {
        var circuit = model.AddCircuit();
        var result = new Circuit(equipment.Code, [.. candidates.Select(c => c.Step)]);
        var changeover = (long)Math.Ceiling(equipment.Changeover.TotalMinutes);
        circuit.AddArc(0, 0, result.Arc(0, 0, model.NewBoolVar($"{equipment.Code} unused")));
        for (var i = 0; i < candidates.Count; i++)
        {
            var (step, _, present, _) = candidates[i];
            var node = i + 1;
            circuit.AddArc(node, node, present.Not());
            var first = result.Arc(0, node, model.NewBoolVar($"{equipment.Code} first {node}"));
            circuit.AddArc(0, node, first);
            var firstChangeover = problem.ChangeoverBetween(equipment.Code, equipment.LastProduct, step.Order.Product) > TimeSpan.Zero ? changeover : 0;
            model.Add(step.Start >= minutes(equipment.FreeFrom) + firstChangeover).OnlyEnforceIf(first);
            circuit.AddArc(node, 0, result.Arc(node, 0, model.NewBoolVar($"{equipment.Code} last {node}")));
            for (var j = 0; j < candidates.Count; j++)
            {
                if (i == j)
                    continue;
                var next = candidates[j].Step;
                var arc = result.Arc(node, j + 1, model.NewBoolVar($"{equipment.Code} {node}->{j + 1}"));
                circuit.AddArc(node, j + 1, arc);
                // Two steps of one order are one product: no changeover between them.
                var gap = step.Order.Product == next.Order.Product ? 0 : changeover;
                model.Add(next.Start >= step.End + gap).OnlyEnforceIf(arc);
            }
        }
        return result;
    }

    /// <summary>The arcs of one equipment's circuit (node 0 the depot, node i + 1 its i-th candidate operation), for hinting.</summary>
    private sealed class Circuit(string equipment, List<Step> nodes)
    {
        private readonly Dictionary<Step, int> _nodeOf = nodes.Select((step, i) => (Step: step, Node: i + 1)).ToDictionary(n => n.Step, n => n.Node);
        private readonly Dictionary<(int From, int To), BoolVar> _arcs = [];

        public string Equipment { get; } = equipment;

        public BoolVar Arc(int from, int to, BoolVar literal) => _arcs[(from, to)] = literal;

        /// <summary>Hints the path through the operations in <paramref name="sequence"/> (in time order), every other arc off.</summary>
        public void Hint(CpModel model, List<Step> sequence)
        {
            var path = new HashSet<(int, int)>();
            var previous = 0;
            foreach (var step in sequence)
            {
                var node = _nodeOf[step];
                path.Add((previous, node));
                previous = node;
            }
            path.Add((previous, 0));
            foreach (var (arc, literal) in _arcs)
                model.AddHint(literal, path.Contains(arc));
        }
    }

    /// <summary>A time by which everything can be done one after the other: the latest given instant plus every operation's longest duration and a changeover each.</summary>
    private static long Horizon(PlanningProblem problem, Func<DateTimeOffset, long> minutes)
    {
        var latest = problem.Orders.Select(o => minutes(o.EarliestStart))
            .Concat(problem.Equipment.Select(e => minutes(e.FreeFrom)))
            .Concat(problem.Unavailable.Select(u => minutes(u.End))).DefaultIfEmpty(0).Max();
        var work = problem.Orders.SelectMany(o => o.Operations).Sum(op => (long)Math.Ceiling(op.DurationOn.Values.Max().TotalMinutes));
        var changeovers = problem.Equipment.Select(e => (long)Math.Ceiling(e.Changeover.TotalMinutes)).DefaultIfEmpty(0).Max()
                          * (problem.Orders.Sum(o => o.Operations.Count) + 1);
        var late = problem.Orders.Select(o => minutes(o.Due)).DefaultIfEmpty(0).Max();
        return Math.Max(latest, late) + work + changeovers + problem.Unavailable.Sum(u => (long)Math.Ceiling((u.End - u.Start).TotalMinutes)) + 1;
    }

    private sealed class Step(PlanningOrder order, PlanningOperation operation, IntVar start, IntVar end)
    {
        public PlanningOrder Order { get; } = order;
        public PlanningOperation Operation { get; } = operation;
        public IntVar Start { get; } = start;
        public IntVar End { get; } = end;
        public Dictionary<string, BoolVar> Choices { get; } = [];
    }
}
