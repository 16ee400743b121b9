using PharmaMes.Domain.Planning;

namespace PharmaMes.Domain.Tests.Planning;

/// <summary>One rule for every schedule: what is wrong, said so a planner knows what to move.</summary>
public class ScheduleChecking
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset At(double minutes) => Now.AddMinutes(minutes);

    private static readonly PlanningProblem Problem = new(Now,
        [
            new PlanningOrder("A", "P", Now, At(120), 1, [new PlanningOperation(1, new Dictionary<string, TimeSpan> { ["TP-01"] = TimeSpan.FromMinutes(30) })]),
            new PlanningOrder("B", "Q", Now, At(120), 1, [new PlanningOperation(1, new Dictionary<string, TimeSpan> { ["TP-01"] = TimeSpan.FromMinutes(30) })]),
        ],
        [new PlanningEquipment("TP-01", Now, "P", TimeSpan.FromMinutes(20))],
        [new Unavailability("TP-01", At(100), At(130), "Planned maintenance")]);

    [Fact]
    public void AValidScheduleHasNoProblem()
    {
        // A (same product as before) 0–30, changeover 30–50, B 50–80.
        Assert.Empty(ScheduleCheck.Problems(Problem,
            [new PlannedOperation("A", 1, "TP-01", Now, At(30)), new PlannedOperation("B", 1, "TP-01", At(50), At(80))]));
    }

    [Fact]
    public void EachMistakeIsNamed()
    {
        var problems = ScheduleCheck.Problems(Problem,
            [new PlannedOperation("A", 1, "TP-02", Now, At(30)), new PlannedOperation("B", 1, "TP-01", At(90), At(120))]);
        var overlapping = ScheduleCheck.Problems(Problem,
            [new PlannedOperation("A", 1, "TP-01", Now, At(30)), new PlannedOperation("B", 1, "TP-01", At(20), At(50))]);
        var noChangeover = ScheduleCheck.Problems(Problem,
            [new PlannedOperation("A", 1, "TP-01", Now, At(30)), new PlannedOperation("B", 1, "TP-01", At(35), At(65))]);

        Assert.Contains("A step 1 cannot run on TP-02: it runs on TP-01.", problems);
        Assert.Contains(problems, p => p.StartsWith("B step 1 runs on TP-01 while it is unavailable (Planned maintenance"));
        Assert.Contains("B step 1 overlaps A step 1 on TP-01.", overlapping);
        Assert.Contains("B step 1 leaves TP-01 no changeover after P (20 min).", noChangeover);
    }

    [Fact]
    public void TheEarliestDueDateRuleWaitsOutMaintenanceAndChangeovers()
    {
        var proposal = EarliestDueDateDispatcher.Plan(Problem);

        Assert.Empty(ScheduleCheck.Problems(Problem, proposal.Operations));
        // A 0–30; B after the 20-minute changeover 50–80, before the maintenance at 100.
        Assert.Equal([("A", Now), ("B", At(50))], proposal.Operations.Select(o => (o.OrderNumber, o.Start)));
        Assert.Equal(0, proposal.WeightedTardinessMinutes);
    }
}
