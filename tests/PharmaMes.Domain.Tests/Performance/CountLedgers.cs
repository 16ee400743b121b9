using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Performance;

/// <summary>
/// OEE read from running totals (what the database keeps) must equal OEE added up from every counter report: the same
/// figures, whatever the windows, stops and start-ups.
/// </summary>
public class CountLedgers
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ProductionCountsCarryRunningTotalsAcrossACounterReset()
    {
        var equipment = new Site(new PlantCode("S1"), "Site").AddArea(new PlantCode("A1"), "Area").AddLine(new PlantCode("L1"), "Line")
            .AddEquipment(new PlantCode("TP-09"), "Press", EquipmentClass.TabletPress, T0.AddDays(-1));

        var first = equipment.RecordCounters(new CounterReading(1_000, 10, T0));
        var second = equipment.RecordCounters(new CounterReading(1_500, 12, T0.AddMinutes(1)));
        var afterReset = equipment.RecordCounters(new CounterReading(40, 1, T0.AddMinutes(2)));

        Assert.Equal([(0L, 0L), (500L, 2L), (540L, 3L)], [(first.TotalGood, first.TotalReject), (second.TotalGood, second.TotalReject), (afterReset.TotalGood, afterReset.TotalReject)]);
        Assert.Equal((540L, 3L), (equipment.CountedGood, equipment.CountedReject));
    }

    [Fact]
    public void ABetweenIsLaterThanItsStartAndUpToItsEnd()
    {
        var ledger = CountLedger.Of([new CountReport(T0.AddMinutes(1), 5, 1), new CountReport(T0.AddMinutes(2), 7, 0), new CountReport(T0.AddMinutes(2), 1, 1)]);

        Assert.Equal((13L, 2L), ledger.Between(T0, T0.AddMinutes(2)));
        Assert.Equal((8L, 1L), ledger.Between(T0.AddMinutes(1), T0.AddMinutes(3)));
        Assert.Equal((0L, 0L), ledger.Between(T0.AddMinutes(2), T0.AddMinutes(1)));
    }

    [Fact]
    public void RunningTotalsRefuseAnInstantTheyWereNotReadAt()
    {
        var totals = new RunningTotals(new Dictionary<DateTimeOffset, (long, long)> { [T0] = (0, 0) });

        var error = Assert.Throws<InvalidOperationException>(() => totals.Between(T0, T0.AddMinutes(1)));
        Assert.Contains("not read at", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RunningTotalsGiveTheSameFiguresAsTheReports(int seed)
    {
        var random = new Random(seed);
        var (states, reports) = History(random, hours: 30);
        // Three shifts a day with a break each, starting at odd seconds, and a last window cut at "now".
        var windows = new List<PlannedWindow>();
        for (var shift = 0; shift < 4; shift++)
        {
            var start = T0.AddHours(shift * 8).AddSeconds(random.Next(0, 90));
            var pause = start.AddHours(4).AddSeconds(random.Next(0, 59));
            windows.Add(new PlannedWindow(start, pause, $"S{shift}", start, start.AddHours(8)));
            windows.Add(new PlannedWindow(pause.AddMinutes(30), start.AddHours(8), $"S{shift}", start, start.AddHours(8)));
        }
        windows[^1] = windows[^1] with { End = windows[^1].Start.AddMinutes(97).AddMilliseconds(500) };

        var expected = OeeCalculation.Compute(windows, states, reports, 60);
        var actual = OeeCalculation.Compute(windows, states, TotalsAt(reports, OeeCalculation.CountInstants(windows, states)), 60);

        Assert.True(expected.TotalCount > 10_000 && expected.SixBigLosses.StartUpRejects > 0, "The history has counts and start-up rejects.");
        Assert.Equal(expected.TotalCount, actual.TotalCount);
        Assert.Equal(expected.GoodCount, actual.GoodCount);
        Assert.Equal(expected.RejectCount, actual.RejectCount);
        Assert.Equal(expected.SixBigLosses, actual.SixBigLosses);
        Assert.Equal(expected.Oee, actual.Oee);
    }

    /// <summary>What the database answers: for each instant, the running totals of the last report at or before it.</summary>
    private static RunningTotals TotalsAt(List<CountReport> reports, IEnumerable<DateTimeOffset> instants)
    {
        var totals = new Dictionary<DateTimeOffset, (long, long)>();
        foreach (var instant in instants.Distinct())
            totals[instant] = (reports.Where(r => r.At <= instant).Sum(r => r.Good), reports.Where(r => r.At <= instant).Sum(r => r.Reject));
        return new RunningTotals(totals);
    }

    /// <summary>Running with a report every 1 – 20 s, stops of 20 s – 6 min between (some Down with a reason, some Idle).</summary>
    private static (List<StateSpan>, List<CountReport>) History(Random random, int hours)
    {
        var states = new List<StateSpan>();
        var reports = new List<CountReport>();
        var cursor = T0.AddMinutes(-30);
        while (cursor < T0.AddHours(hours))
        {
            var runEnd = cursor.AddSeconds(random.Next(120, 900));
            states.Add(new StateSpan(EquipmentState.Running, cursor, runEnd, null));
            for (var at = cursor.AddSeconds(random.Next(1, 20)); at <= runEnd; at = at.AddSeconds(random.Next(1, 20)))
                reports.Add(new CountReport(at, random.Next(0, 50), random.Next(0, 3)));
            var stopEnd = runEnd.AddSeconds(random.Next(20, 360));
            states.Add(new StateSpan(random.Next(2) == 0 ? EquipmentState.Down : EquipmentState.Idle, runEnd, stopEnd, random.Next(2) == 0 ? "Jam" : null));
            cursor = stopEnd;
        }
        return (states, reports);
    }
}
