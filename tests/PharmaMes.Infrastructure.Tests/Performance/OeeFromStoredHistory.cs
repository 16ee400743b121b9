using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Performance;

namespace PharmaMes.Infrastructure.Tests.Performance;

/// <summary>OEE read from the stored state intervals, counter reports and shift calendar of a real SQLite database.</summary>
public class OeeFromStoredHistory
{
    // A Monday; the line works 06:00 – 14:00 with a break 10:00 – 10:30.
    internal static readonly DateTimeOffset Six = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset At(double minutes) => Six.AddMinutes(minutes);

    /// <summary>A line L1 of a press (ideal rate 100/min) and a packer; the clock stands at <paramref name="now"/> (default 08:30).</summary>
    internal static async Task<MesTestHost> PlantAsync(bool withCalendar, DateTimeOffset? now = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = await MesTestHost.StartAsync(demo: false, clock: new FakeTimeProvider(now ?? At(150)), settings: settings);
        await using var db = host.NewContext(AuditActor.System("test", "OEE test plant"));
        var site = new Site(new PlantCode("S1"), "Site");
        var line = site.AddArea(new PlantCode("A1"), "Area").AddLine(new PlantCode("L1"), "Line 1");
        var press = line.AddEquipment(new PlantCode("PRESS"), "Press", EquipmentClass.TabletPress, Six.AddDays(-1));
        press.SetIdealRate(100);
        var packer = line.AddEquipment(new PlantCode("PACKER"), "Packer", EquipmentClass.BlisterPacker, Six.AddDays(-1));
        db.Sites.Add(site);
        if (withCalendar)
            db.ShiftCalendars.Add(new ShiftCalendar("L1", "UTC",
                [new ShiftPattern("Early", new TimeOnly(6, 0), TimeSpan.FromHours(8), breaks: [new ShiftBreak(TimeSpan.FromHours(4), TimeSpan.FromMinutes(30))])]));
        // 06:00 – 07:00 the hand-computed hour: running, down 06:25 – 06:35, running; 76 good and 4 rejects a running minute.
        db.StateIntervals.AddRange(Closed(press.Id, EquipmentState.Running, 0, 25, null), Closed(press.Id, EquipmentState.Down, 25, 35, "Punch breakage"),
            Closed(press.Id, EquipmentState.Running, 35, 60, null), Closed(press.Id, EquipmentState.Idle, 60, 600, null));
        // The press's counters as it reports them: cumulative, from 0 at 06:00.
        db.ProductionCounts.Add(press.RecordCounters(new CounterReading(0, 0, At(0))));
        foreach (var minute in Enumerable.Range(1, 60).Where(m => m <= 25 || m > 35))
            db.ProductionCounts.Add(press.RecordCounters(new CounterReading(press.CountedGood + 76, press.CountedReject + 4, At(minute))));
        db.StateIntervals.Add(Closed(packer.Id, EquipmentState.Running, 0, 600, null));
        await db.SaveChangesAsync();
        return host;
    }

    private static StateInterval Closed(Guid equipment, EquipmentState state, double from, double to, string? reason)
    {
        var interval = new StateInterval(equipment, state, At(from), reason);
        interval.End(At(to));
        return interval;
    }

    [Fact]
    public async Task TheHandComputedHourComesBackFromTheDatabase()
    {
        await using var host = await PlantAsync(withCalendar: true);

        var report = (await host.Get<OeeService>().ForEquipmentAsync("press", At(0), At(60)))!;

        Assert.Equal("PRESS", report.Code);
        Assert.Equal(50.0 / 60, report.Figures.Availability!.Value, 10);
        Assert.Equal(0.80, report.Figures.Performance!.Value, 10);
        Assert.Equal(0.95, report.Figures.Quality!.Value, 10);
        Assert.Equal(0.6333, report.Figures.Oee!.Value, 4);
        // The device said "Punch breakage": the loss is named by the tablet press's reason tree.
        Assert.Equal(("Mechanical › Punch breakage", 600.0, 1), (report.Figures.Losses[0].Reason, report.Figures.Losses[0].Seconds, report.Figures.Losses[0].Stops));
    }

    [Fact]
    public async Task TheShiftsBreakAndTheFutureAreNotPlannedTime()
    {
        await using var host = await PlantAsync(withCalendar: true);

        // Asked for the whole day at 08:30: planned is 06:00 – 08:30 only (the break comes later, the rest is the future).
        var report = (await host.Get<OeeService>().ForEquipmentAsync("PRESS", Six.AddHours(-6), Six.AddHours(18)))!;

        Assert.Equal(2.5 * 3600, report.Figures.PlannedSeconds, 6);
        Assert.Equal(At(150), report.To);
        var shift = Assert.Single(report.Periods);
        Assert.Equal("Early", shift.Name);
    }

    [Fact]
    public async Task WithoutACalendarTheEquipmentIsPlannedAroundTheClockAndALineAddsItsEquipmentUp()
    {
        await using var host = await PlantAsync(withCalendar: false);
        var oee = host.Get<OeeService>();

        var press = (await oee.ForEquipmentAsync("PRESS", Six.AddHours(-1), At(60)))!;
        var line = (await oee.ForLineAsync("L1", At(0), At(60), OeePeriodKind.Hour))!;

        // 05:00 – 06:00 has no state: planned, and lost as "No data".
        Assert.Equal(7_200, press.Figures.PlannedSeconds);
        Assert.Equal(3_600, press.Figures.Losses.Single(l => l.Reason == "No data").Seconds);
        // The line: press 50 of 60 minutes, packer 60 of 60; only the press counts, so performance and quality are the press's.
        Assert.Equal(110.0 / 120, line.Figures.Availability!.Value, 10);
        Assert.Equal(0.80, line.Figures.Performance!.Value, 10);
        Assert.Equal(0.95, line.Figures.Quality!.Value, 10);
        Assert.Equal("2026-12-07 06:00", Assert.Single(line.Periods).Name);
    }

    [Fact]
    public async Task AnUnknownEquipmentOrLineIsNull()
    {
        await using var host = await PlantAsync(withCalendar: false);

        Assert.Null(await host.Get<OeeService>().ForEquipmentAsync("NOPE", At(0), At(60)));
        Assert.Null(await host.Get<OeeService>().ForLineAsync("<bad>", At(0), At(60)));
    }

    [Fact]
    public async Task RunningTotalsInTheDatabaseGiveTheFiguresTheReportsGive()
    {
        // Two days of a press reporting every few seconds with stops between, read by shift (with their breaks) and by hour.
        var now = Six.AddDays(2).AddMinutes(7).AddSeconds(13);
        await using var host = await PlantAsync(withCalendar: true, now);
        var random = new Random(7);
        List<StateSpan> spans = [];
        await using (var db = host.NewContext(AuditActor.System("test device", "Two days of counts")))
        {
            var press = await db.Equipment.SingleAsync(e => e.Code == new PlantCode("PRESS"));
            var cursor = At(600);
            while (cursor < now)
            {
                var runEnd = cursor.AddSeconds(random.Next(300, 1200));
                spans.Add(new StateSpan(EquipmentState.Running, cursor, runEnd, null));
                for (var at = cursor.AddSeconds(random.Next(1, 9)); at <= runEnd && at <= now; at = at.AddSeconds(random.Next(1, 9)))
                    db.ProductionCounts.Add(press.RecordCounters(new CounterReading((press.LastGoodCount ?? 0) + random.Next(0, 12), (press.LastRejectCount ?? 0) + random.Next(0, 2), at)));
                var stopEnd = runEnd.AddSeconds(random.Next(30, 400));
                spans.Add(new StateSpan(EquipmentState.Down, runEnd, stopEnd, "Jam"));
                cursor = stopEnd;
            }
            foreach (var span in spans)
                db.StateIntervals.Add(Closed(press.Id, span.State, (span.Start - Six).TotalMinutes, (span.End - Six).TotalMinutes, span.Reason));
            await db.SaveChangesAsync();
        }
        await using var read = host.NewContext();
        var pressId = (await read.Equipment.SingleAsync(e => e.Code == new PlantCode("PRESS"))).Id;
        var reports = (await read.ProductionCounts.Where(c => c.EquipmentId == pressId).ToListAsync()).Select(c => new CountReport(c.At, c.Good, c.Reject)).ToList();
        var states = (await read.StateIntervals.Where(i => i.EquipmentId == pressId).ToListAsync())
            .Select(i => new StateSpan(i.State, i.StartedAt, i.EndedAt ?? now, i.Reason)).ToList();
        var calendar = await read.ShiftCalendars.SingleAsync();

        foreach (var by in new[] { OeePeriodKind.Shift, OeePeriodKind.Hour })
        {
            var report = (await host.Get<OeeService>().ForEquipmentAsync("PRESS", At(590).AddSeconds(17), now, by))!;
            Assert.True(report.Periods.Count >= (by == OeePeriodKind.Shift ? 2 : 8), $"{by}: {report.Periods.Count} periods");
            var expectedPeriods = new List<OeeFigures>();
            foreach (var period in report.Periods)
            {
                var windows = calendar.PlannedWindows(report.From, report.To).Where(w => w.Start < period.End && w.End > period.Start)
                    .Select(w => w with { Start = w.Start > period.Start ? w.Start : period.Start, End = w.End < period.End ? w.End : period.End }).ToList();
                var expected = OeeCalculation.Compute(windows, states.Where(s => s.Start < windows.Max(w => w.End) && s.End > windows.Min(w => w.Start)).ToList(), reports, 100);
                Assert.Equal((expected.TotalCount, expected.GoodCount, expected.RejectCount, expected.SixBigLosses.StartUpRejects),
                    (period.Figures.TotalCount, period.Figures.GoodCount, period.Figures.RejectCount, period.Figures.SixBigLosses.StartUpRejects));
                expectedPeriods.Add(expected);
            }
            // The whole period adds up its periods; its counts are all the planned time's counts.
            var whole = OeeCalculation.Sum(expectedPeriods, 100);
            Assert.Equal((whole.TotalCount, whole.RejectCount, whole.SixBigLosses, whole.Oee), (report.Figures.TotalCount, report.Figures.RejectCount, report.Figures.SixBigLosses, report.Figures.Oee));
            Assert.Equal(OeeCalculation.Compute(calendar.PlannedWindows(report.From, report.To), states, reports, 100).TotalCount, report.Figures.TotalCount);
            Assert.True(whole.SixBigLosses.StartUpRejects > 0);
        }
    }

    [Fact]
    public async Task AnEndedShiftIsKeptAndALateReportOrAReasonGivenLaterStillCounts()
    {
        // At 16:00 the early shift (06:00 – 14:00) has ended; the press last reported at 07:00.
        await using var host = await PlantAsync(withCalendar: true, now: At(600));
        var oee = host.Get<OeeService>();
        var first = (await oee.ForEquipmentAsync("PRESS", Six.AddHours(-1), At(600)))!;
        var shift = Assert.Single(first.Periods);
        Assert.True(shift.Complete);
        var windows = (await host.NewContext().ShiftCalendars.SingleAsync()).PlannedWindows(Six.AddHours(-1), At(600));
        var pressId = (await host.NewContext().Equipment.SingleAsync(e => e.Code == new PlantCode("PRESS"))).Id;
        // Kept under its windows and the rates it was measured at: the press's own 100 a minute all shift.
        Assert.True(host.Get<OeePeriodCache>().TryGet(pressId, windows, IdealRates.Constant(100).Key(Six, Six.AddHours(8)), out var kept));
        Assert.Equal(4_000, kept.TotalCount);

        // The press's buffered report of 08:00 arrives now (after its 07:00 one, so it is accepted): the kept shift is dropped.
        await using (var db = host.NewContext(AuditActor.System("test device", "Buffered report")))
        {
            var press = await db.Equipment.SingleAsync(e => e.Id == pressId);
            db.ProductionCounts.Add(press.RecordCounters(new CounterReading(press.LastGoodCount!.Value + 480, press.LastRejectCount!.Value + 20, At(120))));
            await db.SaveChangesAsync();
        }
        var afterReport = (await oee.ForEquipmentAsync("PRESS", Six.AddHours(-1), At(600)))!;

        // A person then names the 06:25 stop differently: the loss moves to that reason.
        var stop = await host.NewContext().StateIntervals.SingleAsync(i => i.EquipmentId == pressId && i.State == EquipmentState.Down);
        await host.Get<StopReasonService>().AssignAsync(stop.Id, "Material › Waiting for granulate", AuditActor.System("test", "Reason given later"));
        var afterReason = (await oee.ForEquipmentAsync("PRESS", Six.AddHours(-1), At(600)))!;

        Assert.Equal((4_500L, 220L), (afterReport.Figures.TotalCount, afterReport.Figures.RejectCount));
        Assert.Equal(4_500, afterReport.Periods[0].Figures.TotalCount);
        Assert.Equal("Mechanical › Punch breakage", afterReport.Figures.Losses.Single(l => l.State == EquipmentState.Down).Reason);
        Assert.Equal("Material › Waiting for granulate", afterReason.Figures.Losses.Single(l => l.State == EquipmentState.Down).Reason);
        Assert.Equal(4_500, afterReason.Figures.TotalCount);
    }
}
