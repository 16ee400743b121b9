using PharmaMes.Domain.Planning;
using PharmaMes.Infrastructure.Planning;

namespace PharmaMes.Infrastructure.Tests.Planning;

/// <summary>The CP-SAT schedule on small cases whose optimum is known by hand, and against the earliest-due-date rule.</summary>
public class CpSatScheduling
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static DateTimeOffset At(double minutes) => Now.AddMinutes(minutes);

    private static PlanningOperation On(int step, params (string Equipment, double Minutes)[] durations) =>
        new(step, durations.ToDictionary(d => d.Equipment, d => TimeSpan.FromMinutes(d.Minutes)));

    private static PlanningOrder Order(string number, string product, double due, params PlanningOperation[] operations) =>
        new(number, product, Now, At(due), 1, operations);

    private static PlanningEquipment Free(string code, double changeover = 0, string? lastProduct = null) =>
        new(code, Now, lastProduct, TimeSpan.FromMinutes(changeover));

    private static ScheduleProposal Solve(PlanningProblem problem)
    {
        var proposal = CpSatScheduler.Plan(problem, Limit);
        Assert.Empty(ScheduleCheck.Problems(problem, proposal.Operations));
        return proposal;
    }

    [Fact]
    public void TheShortOrderDueFirstGoesFirst()
    {
        // One press. A: 60 min, due at 60. B: 30 min, due at 30. B then A: A is 30 min late; A then B: B is 60 min late.
        var problem = new PlanningProblem(Now, [Order("A", "P", 60, On(1, ("TP-01", 60))), Order("B", "P", 30, On(1, ("TP-01", 30)))], [Free("TP-01")], []);

        var proposal = Solve(problem);

        Assert.Equal("CP-SAT Optimal", proposal.Method);
        Assert.Equal(30, proposal.WeightedTardinessMinutes);
        Assert.Equal(["B", "A"], proposal.Operations.Select(o => o.OrderNumber));
        Assert.Equal(At(90), proposal.Makespan);
    }

    [Fact]
    public void AnUrgentOrderGoesFirstWhenItsLatenessWeighsMore()
    {
        // As above, but A is urgent (weight 3): A then B costs 60 × 1, B then A 30 × 3.
        var problem = new PlanningProblem(Now,
            [Order("A", "P", 60, On(1, ("TP-01", 60))) with { Weight = 3 }, Order("B", "P", 30, On(1, ("TP-01", 30)))], [Free("TP-01")], []);

        var proposal = Solve(problem);

        Assert.Equal(60, proposal.WeightedTardinessMinutes);
        Assert.Equal(["A", "B"], proposal.Operations.Select(o => o.OrderNumber));
    }

    [Fact]
    public void AnOrderMovesToTheSecondPressWhileTheFirstIsDown()
    {
        // TP-01 is Down for the first hour. The order takes 30 min on TP-01, 45 on the slower TP-02, due at 60.
        var order = Order("A", "P", 60, On(1, ("TP-01", 30), ("TP-02", 45)));
        var down = new Unavailability("TP-01", Now, At(60), "Down: punch breakage");
        var onlyFirst = Order("B", "P", 60, On(1, ("TP-01", 30)));

        var moved = Solve(new PlanningProblem(Now, [order], [Free("TP-01"), Free("TP-02")], [down]));
        var waits = Solve(new PlanningProblem(Now, [onlyFirst], [Free("TP-01")], [down]));

        Assert.Equal(("TP-02", Now, 0.0), (moved.Operations.Single().Equipment, moved.Operations.Single().Start, moved.WeightedTardinessMinutes));
        // An order that only the first press can make waits for it: 30 minutes late.
        Assert.Equal((At(60), 30.0), (waits.Operations.Single().Start, waits.WeightedTardinessMinutes));
    }

    [Fact]
    public void ChangeoversGroupTheSameProductAndStartFromWhatTheEquipmentLastMade()
    {
        // One press that last made Q; a changeover between products takes 30 min. P1, Q1, P2 of 10 min each, due late.
        // Q first (no changeover), then P1 and P2 together: 10 + 30 + 10 + 10 = 60 min. Any other order needs two changeovers.
        var problem = new PlanningProblem(Now,
            [Order("P1", "P", 600, On(1, ("TP-01", 10))), Order("Q1", "Q", 600, On(1, ("TP-01", 10))), Order("P2", "P", 600, On(1, ("TP-01", 10)))],
            [Free("TP-01", changeover: 30, lastProduct: "Q")], []);

        var proposal = Solve(problem);

        Assert.Equal(At(60), proposal.Makespan);
        Assert.Equal("Q1", proposal.Operations[0].OrderNumber);
        Assert.Equal(At(40), proposal.Operations[1].Start);
    }

    [Fact]
    public void StepsRunInOrderAndNotBeforeTheOrderMayStartOrTheEquipmentIsFree()
    {
        // Granulation then compression. The materials are released at 20; the press is busy until 100.
        var order = Order("A", "P", 1_000, On(1, ("GR-01", 60)), On(2, ("TP-01", 30))) with { EarliestStart = At(20) };
        var problem = new PlanningProblem(Now, [order], [Free("GR-01"), new PlanningEquipment("TP-01", At(100), null, TimeSpan.Zero)], []);

        var proposal = Solve(problem);

        Assert.Equal([("GR-01", At(20), At(80)), ("TP-01", At(100), At(130))], proposal.Operations.Select(o => (o.Equipment, o.Start, o.End)));
    }

    [Fact]
    public void TheSolverIsNeverWorseThanEarliestDueDateAndBothScheduleIsValid()
    {
        // Twelve orders of three products over two presses of different speeds, with changeovers and a maintenance window.
        var random = new Random(7);
        var orders = Enumerable.Range(1, 12).Select(i =>
        {
            var minutes = 20 + random.Next(0, 5) * 10;
            return new PlanningOrder($"O{i:00}", $"P{random.Next(0, 3)}", Now, At(random.Next(30, 300)), random.Next(1, 4),
                [On(1, ("TP-01", minutes), ("TP-02", minutes * 1.5))]);
        }).ToList();
        var problem = new PlanningProblem(Now, orders, [Free("TP-01", 15, "P0"), Free("TP-02", 15, "P1")],
            [new Unavailability("TP-01", At(120), At(180), "Planned maintenance")]);

        // A short limit: the search starts from the earliest-due-date plan and can only improve on it.
        var solver = CpSatScheduler.Plan(problem, TimeSpan.FromSeconds(2));
        var dispatcher = EarliestDueDateDispatcher.Plan(problem);

        Assert.Empty(ScheduleCheck.Problems(problem, solver.Operations));
        Assert.Empty(ScheduleCheck.Problems(problem, dispatcher.Operations));
        Assert.True(solver.WeightedTardinessMinutes <= dispatcher.WeightedTardinessMinutes,
            $"CP-SAT {solver.WeightedTardinessMinutes} > earliest due date {dispatcher.WeightedTardinessMinutes}");
        Assert.Equal(12, solver.Operations.Count);
        Assert.StartsWith("CP-SAT", solver.Method);
    }
}
