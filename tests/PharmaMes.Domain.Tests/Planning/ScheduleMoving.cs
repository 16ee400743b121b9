using PharmaMes.Domain.Planning;

namespace PharmaMes.Domain.Tests.Planning;

/// <summary>A planner moves an operation on the board: it goes where it was put, the rest makes room, or the move is refused with why.</summary>
public class ScheduleMoving
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset At(double minutes) => Now.AddMinutes(minutes);
    private static readonly TimeSpan Half = TimeSpan.FromMinutes(30);

    // A and B (products P and Q) each granulate on GRAN-01 then press on TP-01 or TP-02; C (P) only presses.
    private static readonly PlanningProblem Problem = new(Now,
        [
            new PlanningOrder("A", "P", Now, At(600), 1, [Step(1, "GRAN-01"), Step(2, "TP-01", "TP-02")]),
            new PlanningOrder("B", "Q", Now, At(600), 1, [Step(1, "GRAN-01"), Step(2, "TP-01", "TP-02")]),
            new PlanningOrder("C", "P", At(200), At(600), 1, [Step(1, "TP-01", "TP-02")]),
        ],
        [new PlanningEquipment("GRAN-01", Now, "P", TimeSpan.FromMinutes(20)), new PlanningEquipment("TP-01", Now, "P", TimeSpan.FromMinutes(20)),
            new PlanningEquipment("TP-02", Now, "P", TimeSpan.FromMinutes(20))],
        [new Unavailability("TP-02", At(300), At(360), "No shift")]);

    private static PlanningOperation Step(int step, params string[] equipment) => new(step, equipment.ToDictionary(e => e, _ => Half));

    // In force: A granulates 0–30 and presses on TP-01 30–60; B granulates 50–80 (after the changeover) and presses on TP-01 100–130; C on TP-02 200–230.
    private static readonly PlannedOperation[] InForce =
    [
        new("A", 1, "GRAN-01", At(0), At(30)), new("A", 2, "TP-01", At(30), At(60)),
        new("B", 1, "GRAN-01", At(50), At(80)), new("B", 2, "TP-01", At(100), At(130)),
        new("C", 1, "TP-02", At(200), At(230)),
    ];

    [Fact]
    public void AnOperationMovedToEquipmentOfTheWrongClassIsRefusedNamingTheEquipmentThatCanRunIt()
    {
        var result = ScheduleMove.Apply(Problem, InForce, "A", 2, "GRAN-01", At(30));

        Assert.False(result.IsAccepted);
        Assert.Equal("A step 2 cannot run on GRAN-01: it runs on TP-01, TP-02.", Assert.Single(result.Problems));
        Assert.Empty(result.Operations);
    }

    [Fact]
    public void TheMovedOperationGoesWhereItWasPutAndTheOthersMakeRoomLaterOnly()
    {
        // B's pressing moves onto TP-02 at 80, right after its granulation: nothing is in the way there.
        var toSecondPress = ScheduleMove.Apply(Problem, InForce, "B", 2, "TP-02", At(80));
        Assert.True(toSecondPress.IsAccepted, string.Join(" ", toSecondPress.Problems));
        Assert.Contains(new PlannedOperation("B", 2, "TP-02", At(80), At(110)), toSecondPress.Operations);
        // C (product P after Q) now needs TP-02's changeover after B, which ends long before 200: C keeps its place.
        Assert.Contains(new PlannedOperation("C", 1, "TP-02", At(200), At(230)), toSecondPress.Operations);

        // A's granulation put at 40 pushes B's granulation to after it and the changeover (90), and B's pressing after that.
        var later = ScheduleMove.Apply(Problem, InForce, "A", 1, "GRAN-01", At(40));
        Assert.True(later.IsAccepted, string.Join(" ", later.Problems));
        Assert.Contains(new PlannedOperation("A", 1, "GRAN-01", At(40), At(70)), later.Operations);
        Assert.Contains(new PlannedOperation("B", 1, "GRAN-01", At(90), At(120)), later.Operations);
        Assert.Contains(new PlannedOperation("B", 2, "TP-01", At(120), At(150)), later.Operations);
        // A's own pressing cannot start before its granulation ends (70).
        Assert.Contains(new PlannedOperation("A", 2, "TP-01", At(70), At(100)), later.Operations);
        Assert.Equal(5, later.Operations.Count);
    }

    [Fact]
    public void AMoveThatCannotStandIsRefusedWithWhy()
    {
        Assert.Contains("starts before its previous step ends", Assert.Single(ScheduleMove.Apply(Problem, InForce, "A", 2, "TP-02", At(10)).Problems));
        Assert.Contains("in the past", Assert.Single(ScheduleMove.Apply(Problem, InForce, "A", 1, "GRAN-01", At(-30)).Problems));
        Assert.Contains("when its order's materials are there", Assert.Single(ScheduleMove.Apply(Problem, InForce, "C", 1, "TP-01", At(150)).Problems));
        var inTheBreak = Assert.Single(ScheduleMove.Apply(Problem, InForce, "C", 1, "TP-02", At(290)).Problems);
        Assert.Equal("C step 1 would run on TP-02 while it cannot run (No shift, Mon 07 Dec 11:00 UTC – Mon 07 Dec 12:00 UTC).", inTheBreak);
        Assert.Contains("is not an open operation", Assert.Single(ScheduleMove.Apply(Problem, InForce, "Z", 1, "TP-01", At(0)).Problems));
    }
}
