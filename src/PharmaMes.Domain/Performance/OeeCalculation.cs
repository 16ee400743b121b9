using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Performance;

/// <summary>
/// Computes OEE from what was stored: the planned windows, the equipment's state spans and its counter reports.
/// Pure and deterministic, so the figures are the same whether asked live or afterwards. Only planned time
/// counts; a stop is weighed by its planned part (a stop across a break loses only its planned minutes).
/// </summary>
public static class OeeCalculation
{
    public static readonly TimeSpan DefaultSmallStop = TimeSpan.FromMinutes(2);

    /// <summary>Rejects within this long after running resumes from a real stop are start-up rejects.</summary>
    public static readonly TimeSpan StartUpPeriod = TimeSpan.FromMinutes(10);

    /// <summary>The reason given to planned time no state covers (before the first report, a gap in the data).</summary>
    public const string NoData = "No data";

    public static OeeFigures Compute(IReadOnlyList<PlannedWindow> planned, IReadOnlyList<StateSpan> states, IReadOnlyList<CountReport> counts,
        double? idealRatePerMinute, TimeSpan? smallStop = null) =>
        Compute(planned, states, CountLedger.Of(counts), idealRatePerMinute, smallStop);

    /// <summary>
    /// The instants at which <see cref="Compute(IReadOnlyList{PlannedWindow}, IReadOnlyList{StateSpan}, CountLedger, double?, TimeSpan?)"/>
    /// will ask <paramref name="planned"/>'s counts: the edges of the planned windows and of the start-up periods within them.
    /// </summary>
    public static IEnumerable<DateTimeOffset> CountInstants(IReadOnlyList<PlannedWindow> planned, IReadOnlyList<StateSpan> states, TimeSpan? smallStop = null) =>
        CountInstants(planned, states, IdealRates.Constant(null), smallStop);

    /// <summary>As above, with the instants where the ideal rate changes (a product run begins or ends).</summary>
    public static IEnumerable<DateTimeOffset> CountInstants(IReadOnlyList<PlannedWindow> planned, IReadOnlyList<StateSpan> states, IdealRates rates,
        TimeSpan? smallStop = null)
    {
        var (windows, startUps) = CountSpans(planned, [.. states.OrderBy(s => s.Start)], smallStop ?? DefaultSmallStop);
        return windows.Concat(startUps).SelectMany(span => rates.Pieces(span.After, span.UpTo)).SelectMany(piece => new[] { piece.After, piece.UpTo });
    }

    public static OeeFigures Compute(IReadOnlyList<PlannedWindow> planned, IReadOnlyList<StateSpan> states, CountLedger counts,
        double? idealRatePerMinute, TimeSpan? smallStop = null) =>
        Measure(planned, states, counts, IdealRates.Constant(idealRatePerMinute), smallStop);

    /// <summary>
    /// The figures with the ideal rate of each moment: counts made while a product ran are weighed at that product's
    /// rate. Performance is unknown (null) when units were counted at a moment without any rate.
    /// </summary>
    public static OeeFigures Measure(IReadOnlyList<PlannedWindow> planned, IReadOnlyList<StateSpan> states, CountLedger counts,
        IdealRates rates, TimeSpan? smallStop = null)
    {
        var threshold = smallStop ?? DefaultSmallStop;
        var plannedSeconds = planned.Sum(w => w.Length.TotalSeconds);
        var ordered = states.OrderBy(s => s.Start).ToList();
        var windowsInOrder = planned.OrderBy(w => w.Start).ToList();
        double run = 0, covered = 0, breakdowns = 0, setup = 0, small = 0, downState = 0;
        var failures = 0;
        var losses = new Dictionary<(string, EquipmentState), (double Seconds, int Stops)>();
        foreach (var span in ordered)
        {
            var inPlan = Overlap(span.Start, span.End, windowsInOrder);
            if (inPlan <= 0)
                continue;
            covered += inPlan;
            if (span.State == EquipmentState.Running)
            {
                run += inPlan;
                continue;
            }
            var key = (string.IsNullOrWhiteSpace(span.Reason) ? span.State.ToString() : span.Reason.Trim(), span.State);
            var (seconds, stops) = losses.GetValueOrDefault(key);
            losses[key] = (seconds + inPlan, stops + 1);
            if (span.WholeLength < threshold)
                small += inPlan;
            else if (span.State == EquipmentState.Down)
                breakdowns += inPlan;
            else
                setup += inPlan;
            if (span.State == EquipmentState.Down)
            {
                if (!span.ContinuesStop)
                    failures++;
                downState += inPlan;
            }
        }
        var uncovered = Math.Max(0, plannedSeconds - covered);
        if (uncovered > 0.0005)
        {
            losses[(NoData, EquipmentState.Offline)] = (uncovered, 0);
            setup += uncovered;
        }

        var (windowSpans, startUpSpans) = CountSpans(planned, ordered, threshold);
        // Each count weighed at the rate of its moment: the seconds the units needed at their ideal rate.
        long good = 0, reject = 0;
        double idealGood = 0, idealReject = 0, startUpRejectSeconds = 0;
        var unknownRate = false;
        var ratesSeen = new HashSet<double>();
        foreach (var (after, upTo) in windowSpans)
            foreach (var piece in rates.Pieces(after, upTo))
            {
                var made = counts.Between(piece.After, piece.UpTo);
                good += made.Good;
                reject += made.Reject;
                if (piece.Rate is { } rate)
                {
                    ratesSeen.Add(rate);
                    idealGood += made.Good / rate * 60;
                    idealReject += made.Reject / rate * 60;
                }
                else if (made.Good + made.Reject > 0)
                    unknownRate = true;
            }
        foreach (var (after, upTo) in startUpSpans)
            foreach (var piece in rates.Pieces(after, upTo))
                if (piece.Rate is { } rate)
                    startUpRejectSeconds += counts.Between(piece.After, piece.UpTo).Reject / rate * 60;
        var total = good + reject;

        var known = !unknownRate && (ratesSeen.Count > 0 || rates.AnyKnown);
        double? idealSeconds = known ? idealGood + idealReject : null;
        var availability = plannedSeconds > 0 ? run / plannedSeconds : (double?)null;
        var performance = run > 0 && idealSeconds is { } needed ? needed / run : (double?)null;
        var quality = total > 0 ? (double)good / total : (double?)null;
        var oee = availability * performance * quality;
        return new OeeFigures(plannedSeconds, run, plannedSeconds - run, total, good, reject, RateShown(ratesSeen, rates, total, idealSeconds),
            availability, performance, quality, oee,
            failures > 0 ? run / failures : null,
            failures > 0 ? downState / failures : null,
            [.. losses.Select(l => new OeeLoss(l.Key.Item1, l.Key.Item2, l.Value.Seconds, l.Value.Stops)).OrderByDescending(l => l.Seconds)],
            new SixBigLosses(breakdowns, setup, small,
                Math.Max(0, run - (idealSeconds ?? run)),
                known ? startUpRejectSeconds : 0,
                known ? Math.Max(0, idealReject - startUpRejectSeconds) : 0))
        {
            Failures = failures,
            IdealSeconds = idealSeconds,
            GoodIdealSeconds = known ? idealGood : null,
        };
    }

    /// <summary>
    /// The ideal rate to show: the one rate the units were measured at, else the rate that would need the same time for
    /// the same count (units were made at several products' rates), else the equipment's.
    /// </summary>
    private static double? RateShown(HashSet<double> ratesSeen, IdealRates rates, long total, double? idealSeconds) =>
        ratesSeen.Count == 1 ? ratesSeen.Single()
        : ratesSeen.Count > 1 && total > 0 && idealSeconds is > 0 ? total / idealSeconds.Value * 60
        : rates.EquipmentRate;

    /// <summary>
    /// One equipment's figures over several periods (its shifts or hours) from each period's: times, counts, stops and
    /// losses add up, and the ratios are taken of the sums, as <see cref="Compute(IReadOnlyList{PlannedWindow}, IReadOnlyList{StateSpan}, CountLedger, double?, TimeSpan?)"/>
    /// would. A stop across two periods counts in each, as it does in each period's own figures.
    /// </summary>
    public static OeeFigures Sum(IReadOnlyList<OeeFigures> periods, double? idealRatePerMinute)
    {
        var (planned, run) = (periods.Sum(p => p.PlannedSeconds), periods.Sum(p => p.RunSeconds));
        var (good, reject) = (periods.Sum(p => p.GoodCount), periods.Sum(p => p.RejectCount));
        var total = good + reject;
        var failures = periods.Sum(p => p.Failures);
        var downState = periods.Sum(p => (p.MttrSeconds ?? 0) * p.Failures);
        // Known when every period that counted knew its rates, and some rate was known at all.
        var known = periods.All(p => p.IdealSeconds is not null || p.TotalCount == 0)
                    && (periods.Any(p => p.IdealSeconds is not null) || idealRatePerMinute is > 0);
        double? idealSeconds = known ? periods.Sum(p => p.IdealSeconds ?? 0) : null;
        var shown = periods.Select(p => p.IdealRatePerMinute).Where(r => r is not null).Distinct().ToList();
        var ideal = shown.Count == 1 ? shown[0] : shown.Count > 1 && total > 0 && idealSeconds is > 0 ? total / idealSeconds.Value * 60
            : idealRatePerMinute is > 0 ? idealRatePerMinute : null;
        var availability = planned > 0 ? run / planned : (double?)null;
        var performance = run > 0 && idealSeconds is { } needed ? needed / run : (double?)null;
        var quality = total > 0 ? (double)good / total : (double?)null;
        var losses = periods.SelectMany(p => p.Losses).GroupBy(l => (l.Reason, l.State))
            .Select(g => new OeeLoss(g.Key.Reason, g.Key.State, g.Sum(l => l.Seconds), g.Sum(l => l.Stops))).OrderByDescending(l => l.Seconds).ToList();
        return new OeeFigures(planned, run, planned - run, total, good, reject, ideal, availability, performance, quality,
            availability * performance * quality, failures > 0 ? run / failures : null, failures > 0 ? downState / failures : null, losses,
            new SixBigLosses(periods.Sum(p => p.SixBigLosses.Breakdowns), periods.Sum(p => p.SixBigLosses.SetupAndAdjustments),
                periods.Sum(p => p.SixBigLosses.SmallStops), periods.Sum(p => p.SixBigLosses.ReducedSpeed),
                periods.Sum(p => p.SixBigLosses.StartUpRejects), periods.Sum(p => p.SixBigLosses.ProductionRejects)))
        {
            Failures = failures,
            IdealSeconds = idealSeconds,
            GoodIdealSeconds = known ? periods.Sum(p => p.GoodIdealSeconds ?? 0) : null,
        };
    }

    /// <summary>The figures of each shift occurrence in the windows, in time order: a stop across two shifts is split between them.</summary>
    public static IReadOnlyList<(string Shift, DateTimeOffset ShiftStart, OeeFigures Figures)> ByShift(IReadOnlyList<PlannedWindow> planned,
        IReadOnlyList<StateSpan> states, IReadOnlyList<CountReport> counts, double? idealRatePerMinute, TimeSpan? smallStop = null) =>
        [.. planned.GroupBy(w => (w.Shift, w.ShiftStart)).OrderBy(g => g.Key.ShiftStart)
            .Select(g => (g.Key.Shift, g.Key.ShiftStart, Compute([.. g], states, counts, idealRatePerMinute, smallStop)))];

    /// <summary>Seconds of [start, end) inside the windows (in time order, not overlapping): found by binary search, not by a scan.</summary>
    private static double Overlap(DateTimeOffset start, DateTimeOffset end, List<PlannedWindow> windows)
    {
        int low = 0, high = windows.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (windows[mid].End <= start) low = mid + 1;
            else high = mid;
        }
        double seconds = 0;
        for (var i = low; i < windows.Count && windows[i].Start < end; i++)
            seconds += Math.Max(0, ((end < windows[i].End ? end : windows[i].End) - (start > windows[i].Start ? start : windows[i].Start)).TotalSeconds);
        return seconds;
    }

    /// <summary>
    /// The spans whose counts the figures add up (a report counts in a span when later than its start, up to its end): each
    /// planned window, and the planned part of each start-up period (the <see cref="StartUpPeriod"/> after running resumed
    /// from a real stop; overlapping periods are joined, so no reject counts twice).
    /// </summary>
    private static (List<(DateTimeOffset After, DateTimeOffset UpTo)> Windows, List<(DateTimeOffset After, DateTimeOffset UpTo)> StartUps) CountSpans(
        IReadOnlyList<PlannedWindow> planned, List<StateSpan> ordered, TimeSpan threshold)
    {
        var windows = planned.OrderBy(w => w.Start).Select(w => (After: w.Start, UpTo: w.End)).ToList();
        var periods = new List<(DateTimeOffset After, DateTimeOffset UpTo)>();
        foreach (var start in StartUps(ordered, threshold))
        {
            if (periods.Count > 0 && start <= periods[^1].UpTo)
                periods[^1] = (periods[^1].After, start + StartUpPeriod);
            else
                periods.Add((start, start + StartUpPeriod));
        }
        var startUps = new List<(DateTimeOffset, DateTimeOffset)>();
        var first = 0;
        foreach (var (after, upTo) in periods)
        {
            // Both lists are in time order: windows ending before this period cannot meet a later one either.
            while (first < windows.Count && windows[first].UpTo <= after)
                first++;
            for (var i = first; i < windows.Count && windows[i].After < upTo; i++)
            {
                var (from, to) = (after > windows[i].After ? after : windows[i].After, upTo < windows[i].UpTo ? upTo : windows[i].UpTo);
                if (from < to)
                    startUps.Add((from, to));
            }
        }
        return (windows, startUps);
    }

    /// <summary>When running resumed after a stop at least as long as the small-stop threshold.</summary>
    private static List<DateTimeOffset> StartUps(List<StateSpan> ordered, TimeSpan threshold)
    {
        var starts = new List<DateTimeOffset>();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].State == EquipmentState.Running && ordered[i - 1].State != EquipmentState.Running && ordered[i - 1].WholeLength >= threshold)
                starts.Add(ordered[i].Start);
        return starts;
    }
}
