using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// OEE of an equipment or a line from the stored state intervals and counter reports, over the planned time of the
/// line's shift calendar (else its site's, else around the clock). Never from what a screen shows: asked live or
/// afterwards, the same period gives the same figures. Time after now is not planned yet. A period's figures add up
/// its shifts' (or hours'); those of ended shifts come from <see cref="OeePeriodCache"/> once computed.
/// </summary>
public sealed class OeeService(IDbContextFactory<MesDbContext> contexts, OeePeriodCache cache, IOptions<PerformanceOptions> options, TimeProvider clock)
{
    private readonly TimeSpan _smallStop = options.Value.SmallStop;

    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(93);

    /// <summary>The plant's lines, for choosing one.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> LinesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = await db.Lines.AsNoTracking().Select(l => new { l.Code, l.Name }).ToListAsync(cancellationToken);
        return [.. lines.OrderBy(l => l.Code.Value, StringComparer.Ordinal).Select(l => (l.Code.Value, l.Name))];
    }

    /// <summary>The code of the site a line belongs to; null when there is no such line.</summary>
    public async Task<string?> SiteOfLineAsync(string line, CancellationToken cancellationToken = default)
    {
        if (PlantCode.TryParse(line) is not { } code)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Code == code, cancellationToken);
        return found is null ? null : (await SiteOfAsync(db, found, cancellationToken)).Value;
    }

    private static Task<PlantCode> SiteOfAsync(MesDbContext db, Line line, CancellationToken cancellationToken) =>
        db.Areas.AsNoTracking().Where(a => a.Id == line.AreaId).Join(db.Sites.AsNoTracking(), a => a.SiteId, s => s.Id, (_, s) => s.Code)
            .SingleAsync(cancellationToken);

    /// <summary>Null when there is no such equipment.</summary>
    public async Task<OeeReport?> ForEquipmentAsync(string code, DateTimeOffset from, DateTimeOffset to, OeePeriodKind by = OeePeriodKind.Shift,
        CancellationToken cancellationToken = default)
    {
        var (start, end) = Range(from, to);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unit = await FindAsync(db, code, cancellationToken);
        if (unit is null)
            return null;
        var equipment = unit.Value.Equipment;
        var planned = await PlannedAsync(db, unit.Value.Line, unit.Value.Site, start, end, cancellationToken);
        var split = Split(planned, by).ToList();
        var byPeriod = (await PeriodFiguresAsync(db, [equipment], split, start, end, cancellationToken))[equipment.Id];
        var figures = OeeCalculation.Sum(byPeriod, equipment.IdealRatePerMinute);
        var periods = split.Select((p, i) => new OeePeriod(p.Name, p.Start, p.End, byPeriod[i]) { Complete = p.Ends <= end }).ToList();
        return new OeeReport(equipment.Code.Value, start, end, figures, periods) { Name = equipment.Name };
    }

    /// <summary>
    /// Null when there is no such line. A line's figures add up its equipment's: availability = Σ run ÷ Σ planned;
    /// performance = Σ (count ÷ ideal rate) ÷ Σ run and quality = Σ (good ÷ ideal rate) ÷ Σ (count ÷ ideal rate) over the
    /// equipment that counts and has an ideal rate, so tablets and blisters are weighed by the time they took, not added.
    /// </summary>
    public async Task<OeeReport?> ForLineAsync(string code, DateTimeOffset from, DateTimeOffset to, OeePeriodKind by = OeePeriodKind.Shift,
        CancellationToken cancellationToken = default)
    {
        var (start, end) = Range(from, to);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (PlantCode.TryParse(code) is not { } lineCode)
            return null;
        var line = await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Code == lineCode, cancellationToken);
        if (line is null)
            return null;
        var figures = await LineFiguresAsync(db, line, await SiteOfAsync(db, line, cancellationToken), start, end, by, cancellationToken);
        var periods = figures.Periods.Select(p => p.With(Combine([.. p.Units.Values]))).ToList();
        var perUnit = figures.Units;
        return new OeeReport(line.Code.Value, start, end, Combine([.. perUnit.Select(u => u.Figures)]), periods) { Name = line.Name, Units = perUnit };
    }

    /// <summary>
    /// Null when there is no such site. A site's figures add up all its lines' equipment as a line adds up its own. Its
    /// periods are its lines' shifts (or hours): lines on the same calendar share them, a line on its own calendar adds its own.
    /// </summary>
    public async Task<OeeReport?> ForSiteAsync(string code, DateTimeOffset from, DateTimeOffset to, OeePeriodKind by = OeePeriodKind.Shift,
        CancellationToken cancellationToken = default)
    {
        var (start, end) = Range(from, to);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (PlantCode.TryParse(code) is not { } siteCode)
            return null;
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Code == siteCode, cancellationToken);
        if (site is null)
            return null;
        var lines = await db.Areas.AsNoTracking().Where(a => a.SiteId == site.Id).Join(db.Lines.AsNoTracking(), a => a.Id, l => l.AreaId, (_, l) => l)
            .ToListAsync(cancellationToken);
        var units = new List<OeeFigures>();
        var perLine = new List<OeeUnit>();
        var periods = new List<LinePeriod>();
        foreach (var line in lines.OrderBy(l => l.Code.Value, StringComparer.Ordinal))
        {
            var figures = await LineFiguresAsync(db, line, site.Code, start, end, by, cancellationToken);
            units.AddRange(figures.Units.Select(u => u.Figures));
            perLine.Add(new OeeUnit(line.Code.Value, line.Name, Combine([.. figures.Units.Select(u => u.Figures)])));
            periods.AddRange(figures.Periods);
        }
        var merged = periods.GroupBy(p => (p.Name, p.Start)).OrderBy(g => g.Key.Start).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new OeePeriod(g.Key.Name, g.Key.Start, g.Max(p => p.End), Combine([.. g.SelectMany(p => p.Units.Values)]))
            {
                Complete = g.All(p => p.Complete),
            }).ToList();
        return new OeeReport(site.Code.Value, start, end, Combine(units), merged) { Name = site.Name, Units = perLine };
    }

    /// <summary>One shift or hour of a line with each of its units' figures in it, for adding up within the line or across lines.</summary>
    private sealed record LinePeriod(string Name, DateTimeOffset Start, DateTimeOffset End, bool Complete, Dictionary<Guid, OeeFigures> Units)
    {
        public OeePeriod With(OeeFigures figures) => new(Name, Start, End, figures) { Complete = Complete };
    }

    private async Task<(List<OeeUnit> Units, List<LinePeriod> Periods)> LineFiguresAsync(MesDbContext db, Line line, PlantCode site, DateTimeOffset start,
        DateTimeOffset end, OeePeriodKind by, CancellationToken cancellationToken)
    {
        var units = await db.Equipment.AsNoTracking().Where(e => e.LineId == line.Id).ToListAsync(cancellationToken);
        var planned = await PlannedAsync(db, line.Code, site, start, end, cancellationToken);
        var split = Split(planned, by).ToList();
        var byPeriod = await PeriodFiguresAsync(db, units, split, start, end, cancellationToken);
        var periods = split.Select((p, i) => new LinePeriod(p.Name, p.Start, p.End, p.Ends <= end, units.ToDictionary(u => u.Id, u => byPeriod[u.Id][i]))).ToList();
        var perUnit = units.OrderBy(u => u.Code.Value, StringComparer.Ordinal)
            .Select(u => new OeeUnit(u.Code.Value, u.Name, OeeCalculation.Sum(byPeriod[u.Id], u.IdealRatePerMinute))).ToList();
        return (perUnit, periods);
    }

    private (DateTimeOffset Start, DateTimeOffset End) Range(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            throw new DomainException("The end of the period must be after its start.");
        if (to - from > MaxRange)
            throw new DomainException($"A period may span at most {MaxRange.TotalDays:0} days.");
        var now = clock.GetUtcNow();
        return (from, to < now ? to : now < from ? from : now);
    }

    private static async Task<(Equipment Equipment, PlantCode Line, PlantCode Site)?> FindAsync(MesDbContext db, string code, CancellationToken cancellationToken)
    {
        if (PlantCode.TryParse(code) is not { } unitCode)
            return null;
        var found = await (from e in db.Equipment.AsNoTracking()
                           where e.Code == unitCode
                           join l in db.Lines.AsNoTracking() on e.LineId equals l.Id
                           join a in db.Areas.AsNoTracking() on l.AreaId equals a.Id
                           join s in db.Sites.AsNoTracking() on a.SiteId equals s.Id
                           select new { Equipment = e, Line = l.Code, Site = s.Code }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Equipment, found.Line, found.Site);
    }

    /// <summary>The line's calendar, else its site's, else around the clock.</summary>
    private static async Task<IReadOnlyList<PlannedWindow>> PlannedAsync(MesDbContext db, PlantCode line, PlantCode site, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var calendars = await db.ShiftCalendars.AsNoTracking().Where(c => c.Scope == line.Value || c.Scope == site.Value).ToListAsync(cancellationToken);
        var calendar = calendars.FirstOrDefault(c => c.Scope == line.Value) ?? calendars.FirstOrDefault();
        return calendar?.PlannedWindows(from, to) ?? ShiftCalendar.AroundTheClock(from, to);
    }

    /// <summary>
    /// Each unit's figures for each period: a whole ended period kept in the cache is taken from there; the others are
    /// computed from the database, and kept when they are whole, ended and no open state interval reaches into them.
    /// </summary>
    private async Task<Dictionary<Guid, OeeFigures[]>> PeriodFiguresAsync(MesDbContext db, IReadOnlyList<Equipment> units, List<Period> split,
        DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        bool Whole(Period period) => period.Start >= start && period.Ends <= end;
        var figures = units.ToDictionary(u => u.Id, _ => new OeeFigures[split.Count]);
        var versions = units.ToDictionary(u => u.Id, u => cache.Version(u.Id));
        var rates = await IdealRatesAsync(db, units, split.Count == 0 ? start : split.Min(p => p.Start), end, cancellationToken);
        string RatesKey(Guid unit, Period period) => rates[unit].Key(period.Start, period.Ends);
        var missing = new Dictionary<Guid, List<int>>();
        foreach (var unit in units)
            for (var i = 0; i < split.Count; i++)
                if (!Whole(split[i]) || !cache.TryGet(unit.Id, split[i].Windows, RatesKey(unit.Id, split[i]), out figures[unit.Id][i]))
                    (missing.TryGetValue(unit.Id, out var list) ? list : missing[unit.Id] = []).Add(i);
        if (missing.Count == 0)
            return figures;
        var history = await HistoryAsync(db, units.Where(u => missing.ContainsKey(u.Id))
            .ToDictionary(u => u.Id, u => (u.Class, rates[u.Id], (IReadOnlyList<IReadOnlyList<PlannedWindow>>)[.. missing[u.Id].Select(i => split[i].Windows)])), cancellationToken);
        foreach (var unit in units.Where(u => missing.ContainsKey(u.Id)))
            foreach (var i in missing[unit.Id])
            {
                var computed = figures[unit.Id][i] = history.Compute(unit.Id, split[i].Windows, rates[unit.Id]);
                if (Whole(split[i]) && history.ClosedThrough(unit.Id, split[i].Ends))
                    cache.Keep(unit.Id, versions[unit.Id], split[i].Windows, RatesKey(unit.Id, split[i]), computed);
            }
        return figures;
    }

    /// <summary>
    /// Each unit's ideal rates over the time asked: the product of each batch step that ran on it at its product rate
    /// (else the unit's own rate), and the unit's own rate between steps.
    /// </summary>
    private async Task<Dictionary<Guid, IdealRates>> IdealRatesAsync(MesDbContext db, IReadOnlyList<Equipment> units, DateTimeOffset since, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        var withProducts = units.Where(u => u.ProductRates.Count > 0).ToList();
        var runs = new List<(string Equipment, string Product, DateTimeOffset Start, DateTimeOffset End)>();
        if (withProducts.Count > 0)
        {
            var now = clock.GetUtcNow();
            var codes = withProducts.Select(u => (PlantCode?)u.Code).ToList();
            var steps = await (from step in db.BatchSteps.AsNoTracking()
                               where codes.Contains(step.EquipmentCode) && step.StartedAt != null && step.StartedAt < until
                                     && (step.PerformedAt == null || step.PerformedAt > since)
                               join batch in db.Batches.AsNoTracking() on step.BatchId equals batch.Id
                               select new { step.EquipmentCode, batch.ProductCode, step.StartedAt, step.PerformedAt, step.CompletedAt })
                .ToListAsync(cancellationToken);
            runs.AddRange(steps.Select(s => (s.EquipmentCode!.Value.Value, s.ProductCode.Value, s.StartedAt!.Value, s.PerformedAt ?? s.CompletedAt ?? now)));
        }
        var byCode = runs.ToLookup(r => r.Equipment, StringComparer.OrdinalIgnoreCase);
        return units.ToDictionary(u => u.Id, u => new IdealRates(u.IdealRatePerMinute,
            byCode[u.Code.Value].Select(r => new ProductRun(r.Product, r.Start, r.End, u.IdealRateFor(r.Product)))));
    }

    /// <summary>
    /// The equipment's state spans over its window sets and its counts at every instant their figures will ask about,
    /// read as running totals (never report by report). A stop's reason is the one a person gave, else the device's
    /// text mapped onto the equipment class's reason tree when it names a leaf, else the device's text as sent.
    /// </summary>
    private async Task<History> HistoryAsync(MesDbContext db, Dictionary<Guid, (EquipmentClass Class, IdealRates Rates, IReadOnlyList<IReadOnlyList<PlannedWindow>> Sets)> units,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var equipment = units.Keys.ToList();
        // Only the stretches of time the sets cover: with ended shifts kept, a month asks for its first and its running shift.
        var stretches = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var (start, end) in units.Values.SelectMany(u => u.Sets).Where(w => w.Count > 0)
                     .Select(w => (w.Min(x => x.Start), w.Max(x => x.End))).OrderBy(r => r.Item1))
        {
            if (stretches.Count > 0 && start <= stretches[^1].To)
                stretches[^1] = (stretches[^1].From, end > stretches[^1].To ? end : stretches[^1].To);
            else
                stretches.Add((start, end));
        }
        var from = stretches[0].From;
        var intervals = new Dictionary<Guid, (Guid Id, Guid EquipmentId, EquipmentState State, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Reason)>();
        foreach (var (stretchFrom, stretchTo) in stretches)
            foreach (var i in await db.StateIntervals.AsNoTracking()
                         .Where(i => equipment.Contains(i.EquipmentId) && i.StartedAt < stretchTo && (i.EndedAt == null || i.EndedAt > stretchFrom))
                         .Select(i => new { i.Id, i.EquipmentId, i.State, i.StartedAt, i.EndedAt, i.Reason })
                         .ToListAsync(cancellationToken))
                intervals[i.Id] = (i.Id, i.EquipmentId, i.State, i.StartedAt, i.EndedAt, i.Reason);
        // A reason a person gave later wins over the device's (or its silence); the latest given wins, with all its parts
        // when the person split the stop.
        var intervalIds = intervals.Values.Where(i => i.State != EquipmentState.Running).Select(i => i.Id).ToHashSet();
        var given = (await db.StopReasons.AsNoTracking().Where(r => equipment.Contains(r.EquipmentId) && r.AssignedAt >= from.AddDays(-1))
                .Select(r => new { r.StateIntervalId, r.Reason, r.AssignedAt, r.From }).ToListAsync(cancellationToken))
            .Where(r => intervalIds.Contains(r.StateIntervalId))
            .GroupBy(r => r.StateIntervalId).ToDictionary(g => g.Key, g =>
            {
                var latest = g.Max(r => r.AssignedAt);
                return g.Where(r => r.AssignedAt == latest).OrderBy(r => r.From ?? DateTimeOffset.MinValue).Select(r => (r.From, r.Reason)).ToList();
            });
        var byUnit = intervals.Values.ToLookup(i => i.EquipmentId);
        var states = equipment.ToDictionary(id => id, id => byUnit[id]
            .SelectMany(i => Spans(i.State, i.StartedAt, i.EndedAt ?? now, given.GetValueOrDefault(i.Id),
                DowntimeReasonTree.Match(units[id].Class, i.Reason)?.Path ?? i.Reason)).OrderBy(s => s.Start).ToList());
        var openSince = equipment.ToDictionary(id => id, id => byUnit[id].Where(i => i.EndedAt == null).Select(i => (DateTimeOffset?)i.StartedAt).Min());
        var instants = equipment.ToDictionary(id => id, id => units[id].Sets
            .SelectMany(windows => OeeCalculation.CountInstants(windows, Slice(windows, states[id]), units[id].Rates, _smallStop)).ToHashSet());
        return new History(states, openSince, await RunningTotalsReader.ReadAsync(db, instants, cancellationToken), _smallStop);
    }

    /// <summary>An interval as one span with its reason, or as the parts a person split it into, each with its own reason.</summary>
    private static IEnumerable<StateSpan> Spans(EquipmentState state, DateTimeOffset start, DateTimeOffset end, List<(DateTimeOffset? From, string Reason)>? given,
        string? deviceReason)
    {
        if (given is null or [])
            return [new StateSpan(state, start, end, deviceReason)];
        if (given is [var whole])
            return [new StateSpan(state, start, end, whole.Reason)];
        var parts = new List<StateSpan>();
        for (var i = 0; i < given.Count; i++)
        {
            var (from, to) = (i == 0 ? start : given[i].From ?? start, i + 1 < given.Count ? given[i + 1].From ?? end : end);
            (from, to) = (from < start ? start : from, to > end ? end : to);
            if (to > from)
                parts.Add(new StateSpan(state, from, to, given[i].Reason) { StopLength = end - start, ContinuesStop = parts.Count > 0 });
        }
        return parts;
    }

    /// <summary>The state spans that touch the windows: each shift is computed from its own spans, not the whole period's.</summary>
    private static IReadOnlyList<StateSpan> Slice(IReadOnlyList<PlannedWindow> windows, List<StateSpan> states) =>
        windows.Count == 0 ? [] : HistorySlice.States(states, windows.Min(w => w.Start), windows.Max(w => w.End));

    private sealed record History(Dictionary<Guid, List<StateSpan>> States, Dictionary<Guid, DateTimeOffset?> OpenSince, Dictionary<Guid, CountLedger> Counts,
        TimeSpan SmallStop)
    {
        /// <summary>A span keeps its full length (a small stop is judged by it); only the spans that touch the windows are passed.</summary>
        public OeeFigures Compute(Guid equipment, IReadOnlyList<PlannedWindow> windows, IdealRates rates) =>
            OeeCalculation.Measure(windows, Slice(windows, States[equipment]), Counts[equipment], rates, SmallStop);

        /// <summary>Whether every state interval up to <paramref name="until"/> has ended (an open one still grows, and a stop's length decides its kind).</summary>
        public bool ClosedThrough(Guid equipment, DateTimeOffset until) => OpenSince[equipment] is not { } open || open >= until;
    }

    /// <summary>A shift occurrence or an hour: its name, start, the end of its planned time, when it ends, and its planned windows.</summary>
    private sealed record Period(string Name, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Ends, IReadOnlyList<PlannedWindow> Windows);

    private static IEnumerable<Period> Split(
        IReadOnlyList<PlannedWindow> planned, OeePeriodKind by)
    {
        if (by == OeePeriodKind.Shift)
            return planned.GroupBy(w => (w.Shift, w.ShiftStart, w.ShiftEnd)).OrderBy(g => g.Key.ShiftStart)
                .Select(g => new Period(g.Key.Shift, g.Key.ShiftStart, g.Max(w => w.End), g.Key.ShiftEnd, [.. g]));
        var hours = new List<Period>();
        if (planned.Count == 0)
            return hours;
        var first = planned.Min(w => w.Start);
        for (var hour = new DateTimeOffset(first.UtcDateTime.Date.AddHours(first.UtcDateTime.Hour), TimeSpan.Zero); hour < planned.Max(w => w.End); hour = hour.AddHours(1))
        {
            var (start, end) = (hour, hour.AddHours(1));
            var pieces = planned.Where(w => w.Start < end && w.End > start)
                .Select(w => w with { Start = w.Start > start ? w.Start : start, End = w.End < end ? w.End : end }).ToList();
            if (pieces.Count > 0)
                hours.Add(new Period(hour.UtcDateTime.ToString("yyyy-MM-dd HH:00", System.Globalization.CultureInfo.InvariantCulture), start, pieces.Max(p => p.End), end, pieces));
        }
        return hours;
    }

    /// <summary>A line's figures from its equipment's, weighing counts by the time they take at each unit's ideal rate.</summary>
    internal static OeeFigures Combine(IReadOnlyList<OeeFigures> units)
    {
        var planned = units.Sum(u => u.PlannedSeconds);
        var run = units.Sum(u => u.RunSeconds);
        var counting = units.Where(u => u.IdealSeconds is not null && u.TotalCount > 0).ToList();
        var effective = counting.Sum(u => u.IdealSeconds!.Value);
        var goodTime = counting.Sum(u => u.GoodIdealSeconds ?? 0);
        var countingRun = counting.Sum(u => u.RunSeconds);
        double? availability = planned > 0 ? run / planned : null;
        double? performance = countingRun > 0 ? effective / countingRun : null;
        double? quality = effective > 0 ? goodTime / effective : null;
        var failures = units.Sum(u => u.Failures);
        var downState = units.Sum(u => (u.MttrSeconds ?? 0) * u.Failures);
        var losses = units.SelectMany(u => u.Losses).GroupBy(l => (l.Reason, l.State))
            .Select(g => new OeeLoss(g.Key.Reason, g.Key.State, g.Sum(l => l.Seconds), g.Sum(l => l.Stops))).OrderByDescending(l => l.Seconds).ToList();
        return new OeeFigures(planned, run, planned - run, units.Sum(u => u.TotalCount), units.Sum(u => u.GoodCount), units.Sum(u => u.RejectCount), null,
            availability, performance, quality, availability * performance * quality,
            failures > 0 ? run / failures : null, failures > 0 ? downState / failures : null, losses,
            new SixBigLosses(units.Sum(u => u.SixBigLosses.Breakdowns), units.Sum(u => u.SixBigLosses.SetupAndAdjustments), units.Sum(u => u.SixBigLosses.SmallStops),
                units.Sum(u => u.SixBigLosses.ReducedSpeed), units.Sum(u => u.SixBigLosses.StartUpRejects), units.Sum(u => u.SixBigLosses.ProductionRejects))) { Failures = failures };
    }
}
