using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Performance;

/// <summary>OEE against hand-computed cases (ISO 22400-2).</summary>
public class OeeFormulas
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);
    private static PlannedWindow Window(double from, double to, string shift = "Early", double shiftStart = 0) => new(At(from), At(to), shift, At(shiftStart), At(shiftStart + 60));
    private static StateSpan Span(EquipmentState state, double from, double to, string? reason = null) => new(state, At(from), At(to), reason);

    /// <summary>Counts spread one report a minute over the running minutes.</summary>
    private static List<CountReport> Counts(IEnumerable<double> runningMinutes, long goodPerMinute, long rejectPerMinute) =>
        [.. runningMinutes.Select(m => new CountReport(At(m), goodPerMinute, rejectPerMinute))];

    [Fact]
    public void AnHourWithATenMinuteBreakdownAtIdealRate100Gives63Percent()
    {
        // 60 planned minutes, down 25 – 35, 4,000 counted of which 200 rejected, ideal 100/min.
        var running = Enumerable.Range(1, 25).Select(m => (double)m).Concat(Enumerable.Range(36, 25).Select(m => (double)m));
        var figures = OeeCalculation.Compute([Window(0, 60)],
            [Span(EquipmentState.Running, 0, 25), Span(EquipmentState.Down, 25, 35, "Punch breakage"), Span(EquipmentState.Running, 35, 60)],
            Counts(running, 76, 4), idealRatePerMinute: 100);

        Assert.Equal(3_600, figures.PlannedSeconds);
        Assert.Equal(3_000, figures.RunSeconds);
        Assert.Equal(600, figures.DownSeconds);
        Assert.Equal((4_000L, 3_800L, 200L), (figures.TotalCount, figures.GoodCount, figures.RejectCount));
        Assert.Equal(50.0 / 60, figures.Availability!.Value, 10);
        Assert.Equal(0.80, figures.Performance!.Value, 10);
        Assert.Equal(0.95, figures.Quality!.Value, 10);
        Assert.Equal(0.6333, figures.Oee!.Value, 4);
        var loss = Assert.Single(figures.Losses);
        Assert.Equal(("Punch breakage", 600.0, 1), (loss.Reason, loss.Seconds, loss.Stops));
        Assert.Equal(3_000, figures.MtbfSeconds);
        Assert.Equal(600, figures.MttrSeconds);
        Assert.Equal(600, figures.SixBigLosses.Breakdowns);
        // 4,000 units needed 40 of the 50 running minutes: 10 minutes of reduced speed; 200 rejects took 2 minutes.
        Assert.Equal(600, figures.SixBigLosses.ReducedSpeed, 6);
        Assert.Equal(120, figures.SixBigLosses.StartUpRejects + figures.SixBigLosses.ProductionRejects, 6);
    }

    [Fact]
    public void AStopAcrossABreakLosesOnlyItsPlannedPart()
    {
        // Planned 0 – 30 and 60 – 90 (a 30-minute break); down 20 – 70.
        var figures = OeeCalculation.Compute([Window(0, 30), Window(60, 90)],
            [Span(EquipmentState.Running, 0, 20), Span(EquipmentState.Down, 20, 70, "Motor overload"), Span(EquipmentState.Running, 70, 90)], [], 100);

        Assert.Equal(3_600, figures.PlannedSeconds);
        Assert.Equal(2_400, figures.RunSeconds);
        Assert.Equal(1_200, Assert.Single(figures.Losses).Seconds);
        Assert.Equal(2.0 / 3, figures.Availability!.Value, 10);
    }

    [Fact]
    public void AStopAcrossTwoShiftsIsSplitBetweenThem()
    {
        var windows = new[] { Window(0, 60, "Early", 0), Window(60, 120, "Late", 60) };
        var states = new[] { Span(EquipmentState.Running, 0, 50), Span(EquipmentState.Down, 50, 70, "Guard door opened"), Span(EquipmentState.Running, 70, 120) };

        var shifts = OeeCalculation.ByShift(windows, states, [], 100);

        Assert.Equal(["Early", "Late"], shifts.Select(s => s.Shift));
        Assert.Equal([600.0, 600.0], shifts.Select(s => s.Figures.DownSeconds));
        Assert.Equal([50.0 / 60, 50.0 / 60], shifts.Select(s => s.Figures.Availability!.Value));
    }

    [Fact]
    public void TimeOutsideThePlanIsNoLossAndItsCountsDoNotCount()
    {
        // Planned 0 – 60 only; the machine is down 60 – 120 and makes 500 units at minute 100.
        var figures = OeeCalculation.Compute([Window(0, 60)],
            [Span(EquipmentState.Running, 0, 60), Span(EquipmentState.Down, 60, 120, "Weekend")],
            [new CountReport(At(30), 6_000, 0), new CountReport(At(100), 500, 0)], 100);

        Assert.Equal(1, figures.Availability);
        Assert.Empty(figures.Losses);
        Assert.Equal(6_000, figures.TotalCount);
        Assert.Null(figures.MtbfSeconds);
    }

    [Fact]
    public void NoPlannedTimeAnswersNullsNotADivisionByZero()
    {
        var figures = OeeCalculation.Compute([], [Span(EquipmentState.Running, 0, 60)], [new CountReport(At(30), 100, 0)], 100);

        Assert.Equal(0, figures.PlannedSeconds);
        Assert.Null(figures.Availability);
        Assert.Null(figures.Performance);
        Assert.Null(figures.Quality);
        Assert.Null(figures.Oee);
    }

    [Fact]
    public void WithoutAnIdealRatePerformanceAndOeeAreUnknown()
    {
        var figures = OeeCalculation.Compute([Window(0, 60)], [Span(EquipmentState.Running, 0, 60)], [new CountReport(At(30), 100, 0)], null);

        Assert.Equal(1, figures.Availability);
        Assert.Null(figures.Performance);
        Assert.Equal(1, figures.Quality);
        Assert.Null(figures.Oee);
    }

    [Fact]
    public void ShortStopsAreSmallStopsAndPlannedTimeWithoutAStateIsNoData()
    {
        // No state before minute 10; a 1-minute jam (small) and a 5-minute wait for material.
        var figures = OeeCalculation.Compute([Window(0, 60)],
            [Span(EquipmentState.Running, 10, 30), Span(EquipmentState.Down, 30, 31, "Product jam"), Span(EquipmentState.Running, 31, 40),
             Span(EquipmentState.Idle, 40, 45, "Waiting for granulate"), Span(EquipmentState.Running, 45, 60)], [], 100);

        Assert.Equal(60, figures.SixBigLosses.SmallStops);
        Assert.Equal(0, figures.SixBigLosses.Breakdowns);
        Assert.Equal(600 + 300, figures.SixBigLosses.SetupAndAdjustments);
        Assert.Equal(600, figures.Losses.Single(l => l.Reason == OeeCalculation.NoData).Seconds);
        Assert.Equal(2_640, figures.RunSeconds);
    }

    [Fact]
    public void RejectsSoonAfterARestartAreStartUpRejects()
    {
        var figures = OeeCalculation.Compute([Window(0, 60)],
            [Span(EquipmentState.Down, 0, 10, "Changeover"), Span(EquipmentState.Running, 10, 60)],
            [new CountReport(At(15), 90, 10), new CountReport(At(40), 95, 5)], 60);

        // At 60/min a unit takes a second: 10 start-up rejects, 5 production rejects.
        Assert.Equal(10, figures.SixBigLosses.StartUpRejects, 6);
        Assert.Equal(5, figures.SixBigLosses.ProductionRejects, 6);
    }

    [Fact]
    public void AStopSplitIntoTwoReasonsIsOneFailureJudgedByItsWholeLength()
    {
        // Down 20 – 23 (3 minutes: a breakdown, not a small stop), split at 21.5 into two causes of 1.5 minutes each.
        var whole = TimeSpan.FromMinutes(3);
        var figures = OeeCalculation.Compute([Window(0, 60)],
        [
            Span(EquipmentState.Running, 0, 20),
            Span(EquipmentState.Down, 20, 21.5, "Material › Waiting for granulate") with { StopLength = whole },
            Span(EquipmentState.Down, 21.5, 23, "Mechanical › Punch breakage") with { StopLength = whole, ContinuesStop = true },
            Span(EquipmentState.Running, 23, 60),
        ], [], 100);

        Assert.Equal([("Material › Waiting for granulate", 90.0, 1), ("Mechanical › Punch breakage", 90.0, 1)],
            figures.Losses.OrderBy(l => l.Reason).Select(l => (l.Reason, l.Seconds, l.Stops)));
        Assert.Equal(1, figures.Failures);
        Assert.Equal(180, figures.MttrSeconds);
        Assert.Equal((180.0, 0.0), (figures.SixBigLosses.Breakdowns, figures.SixBigLosses.SmallStops));
    }
}
