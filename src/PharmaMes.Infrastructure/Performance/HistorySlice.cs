using PharmaMes.Domain.Performance;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// The part of an equipment's history a period needs: its counter reports (sorted by time, cut by binary search)
/// and the state spans that overlap it. Each shift is then computed from its own slice, not from the whole period.
/// </summary>
internal static class HistorySlice
{
    /// <summary>The reports after <paramref name="from"/> up to <paramref name="to"/>, from a list sorted by time.</summary>
    public static IReadOnlyList<CountReport> Counts(List<CountReport> sorted, DateTimeOffset from, DateTimeOffset to)
    {
        var first = FirstAfter(sorted, from);
        var end = FirstAfter(sorted, to);
        return first >= end ? [] : sorted.GetRange(first, end - first);
    }

    public static IReadOnlyList<StateSpan> States(List<StateSpan> spans, DateTimeOffset from, DateTimeOffset to) =>
        [.. spans.Where(s => s.Start < to && s.End > from)];

    /// <summary>The index of the first report later than <paramref name="at"/>.</summary>
    private static int FirstAfter(List<CountReport> sorted, DateTimeOffset at)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid].At <= at) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
