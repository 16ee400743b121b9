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
        double? idealRatePerMinute, TimeSpan? smallStop = null)
    {
        var threshold = smallStop ?? DefaultSmallStop;
        var plannedSeconds = planned.Sum(w => w.Length.TotalSeconds);
        var ordered = states.OrderBy(s => s.Start).ToList();
        double run = 0, covered = 0, breakdowns = 0, setup = 0, small = 0, downState = 0;
        var failures = 0;
        var losses = new Dictionary<(string, EquipmentState), (double Seconds, int Stops)>();
        foreach (var span in ordered)
        {
            var inPlan = Overlap(span.Start, span.End, planned);
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
            if (span.Length < threshold)
                small += inPlan;
            else if (span.State == EquipmentState.Down)
                breakdowns += inPlan;
            else
                setup += inPlan;
            if (span.State == EquipmentState.Down)
            {
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

        var windows = planned.OrderBy(w => w.Start).ToList();
        var inPlanCounts = counts.Where(c => Within(c.At, windows)).ToList();
        var good = inPlanCounts.Sum(c => c.Good);
        var reject = inPlanCounts.Sum(c => c.Reject);
        var total = good + reject;
        var startUps = StartUps(ordered, threshold);
        var startUpRejects = inPlanCounts.Where(c => AfterStartUp(c.At, startUps)).Sum(c => c.Reject);

        var ideal = idealRatePerMinute is > 0 ? idealRatePerMinute : null;
        double? Seconds(long units) => ideal is { } rate ? units / rate * 60 : null;
        var availability = plannedSeconds > 0 ? run / plannedSeconds : (double?)null;
        var performance = run > 0 && Seconds(total) is { } needed ? needed / run : (double?)null;
        var quality = total > 0 ? (double)good / total : (double?)null;
        var oee = availability * performance * quality;
        return new OeeFigures(plannedSeconds, run, plannedSeconds - run, total, good, reject, ideal,
            availability, performance, quality, oee,
            failures > 0 ? run / failures : null,
            failures > 0 ? downState / failures : null,
            [.. losses.Select(l => new OeeLoss(l.Key.Item1, l.Key.Item2, l.Value.Seconds, l.Value.Stops)).OrderByDescending(l => l.Seconds)],
            new SixBigLosses(breakdowns, setup, small,
                Math.Max(0, run - (Seconds(total) ?? run)),
                Seconds(startUpRejects) ?? 0,
                Seconds(reject - startUpRejects) ?? 0));
    }

    /// <summary>The figures of each shift occurrence in the windows, in time order: a stop across two shifts is split between them.</summary>
    public static IReadOnlyList<(string Shift, DateTimeOffset ShiftStart, OeeFigures Figures)> ByShift(IReadOnlyList<PlannedWindow> planned,
        IReadOnlyList<StateSpan> states, IReadOnlyList<CountReport> counts, double? idealRatePerMinute, TimeSpan? smallStop = null) =>
        [.. planned.GroupBy(w => (w.Shift, w.ShiftStart)).OrderBy(g => g.Key.ShiftStart)
            .Select(g => (g.Key.Shift, g.Key.ShiftStart, Compute([.. g], states, counts, idealRatePerMinute, smallStop)))];

    private static double Overlap(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<PlannedWindow> planned) =>
        planned.Sum(w => Math.Max(0, ((end < w.End ? end : w.End) - (start > w.Start ? start : w.Start)).TotalSeconds));

    /// <summary>Whether a report falls in a planned window (a report covers the time before it: start exclusive, end inclusive).</summary>
    private static bool Within(DateTimeOffset at, List<PlannedWindow> windows)
    {
        // The last window starting before the report is the only one that can hold it.
        int low = 0, high = windows.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (windows[mid].Start < at) { found = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return found >= 0 && at <= windows[found].End;
    }

    private static bool AfterStartUp(DateTimeOffset at, List<DateTimeOffset> startUps)
    {
        var index = startUps.BinarySearch(at);
        var before = index >= 0 ? index - 1 : ~index - 1;
        return before >= 0 && at <= startUps[before] + StartUpPeriod;
    }

    /// <summary>When running resumed after a stop at least as long as the small-stop threshold.</summary>
    private static List<DateTimeOffset> StartUps(List<StateSpan> ordered, TimeSpan threshold)
    {
        var starts = new List<DateTimeOffset>();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].State == EquipmentState.Running && ordered[i - 1].State != EquipmentState.Running && ordered[i - 1].Length >= threshold)
                starts.Add(ordered[i].Start);
        return starts;
    }
}
