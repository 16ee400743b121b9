using PharmaMes.Domain.Planning;
using PharmaMes.Infrastructure.Planning;

namespace PharmaMes.Infrastructure.Tests.Planning;

/// <summary>A disturbance re-plans the orders it touches; every other operation keeps its place.</summary>
public class ScheduleRepairing
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset At(double minutes) => Now.AddMinutes(minutes);

    private static PlanningOrder Order(string number, double due, params (string Equipment, double Minutes)[] press) =>
        new(number, "P", Now, At(due), 1, [new PlanningOperation(1, press.ToDictionary(p => p.Equipment, p => TimeSpan.FromMinutes(p.Minutes)))]);

    private static readonly PlanningEquipment[] Presses = [new("TP-01", Now, "P", TimeSpan.Zero), new("TP-02", Now, "P", TimeSpan.Zero)];

    [Fact]
    public void TheOrderOnTheFailedPressMovesAndTheOthersKeepTheirPlaces()
    {
        // In force: A now on TP-01, B after the repair on TP-01, C now on TP-02. TP-01 is Down for the first hour.
        var orders = new[] { Order("A", 200, ("TP-01", 30), ("TP-02", 40)), Order("B", 600, ("TP-01", 30), ("TP-02", 40)), Order("C", 100, ("TP-02", 45)) };
        PlannedOperation[] inForce = [new("A", 1, "TP-01", Now, At(30)), new("B", 1, "TP-01", At(120), At(150)), new("C", 1, "TP-02", Now, At(45))];
        var down = new PlanningProblem(Now, orders, Presses, [new Unavailability("TP-01", Now, At(60), "Down")]);

        var repaired = ScheduleRepair.Plan(down, inForce, "TP-01", At(60), TimeSpan.FromSeconds(10), maxSolverOperations: 300);

        Assert.Empty(ScheduleCheck.Problems(down, repaired.Operations));
        Assert.Contains(inForce[1], repaired.Operations);
        Assert.Contains(inForce[2], repaired.Operations);
        // A could wait for TP-01 (back at 60, done at 90) or go to TP-02 after C (45 to 85): TP-02 ends first.
        Assert.Equal(new PlannedOperation("A", 1, "TP-02", At(45), At(85)), repaired.Operations.Single(o => o.OrderNumber == "A"));
        Assert.Contains("1 of 3 orders re-planned", repaired.Method);
    }

    [Fact]
    public void AnOrderTheScheduleInForceDoesNotHoldIsPlannedAroundTheKeptOnes()
    {
        var orders = new[] { Order("A", 600, ("TP-01", 30)), Order("NEW", 600, ("TP-01", 30)) };
        PlannedOperation[] inForce = [new("A", 1, "TP-01", At(10), At(40))];
        var problem = new PlanningProblem(Now, orders, [Presses[0]], [new Unavailability("TP-02", Now, At(60), "Down")]);

        var repaired = ScheduleRepair.Plan(problem, inForce, "TP-02", At(60), TimeSpan.FromSeconds(10), maxSolverOperations: 300);

        Assert.Empty(ScheduleCheck.Problems(problem, repaired.Operations));
        Assert.Contains(inForce[0], repaired.Operations);
        var added = repaired.Operations.Single(o => o.OrderNumber == "NEW");
        Assert.True(added.End <= At(10) || added.Start >= At(40));
    }

    [Fact]
    public void AProblemLargerThanTheSolversLimitIsPlannedByEarliestDueDate()
    {
        var problem = new PlanningProblem(Now, [Order("A", 100, ("TP-01", 30)), Order("B", 50, ("TP-01", 30))], [Presses[0]], []);

        var plan = SchedulePlanner.Plan(problem, TimeSpan.FromSeconds(10), maxSolverOperations: 1);

        Assert.StartsWith("Earliest due date (2 operations", plan.Method);
        Assert.Equal(["B", "A"], plan.Operations.OrderBy(o => o.Start).Select(o => o.OrderNumber));
    }
}
