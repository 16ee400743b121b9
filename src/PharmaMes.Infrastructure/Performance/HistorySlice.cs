using PharmaMes.Domain.Performance;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>The state spans that overlap a period: each shift is computed from its own spans, not from the whole period's.</summary>
internal static class HistorySlice
{
    /// <summary>From an equipment's spans in time order (one state at a time, so their ends are in order too): a binary search, not a scan.</summary>
    public static IReadOnlyList<StateSpan> States(List<StateSpan> ordered, DateTimeOffset from, DateTimeOffset to)
    {
        int low = 0, high = ordered.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (ordered[mid].End <= from) low = mid + 1;
            else high = mid;
        }
        var slice = new List<StateSpan>();
        for (var i = low; i < ordered.Count && ordered[i].Start < to; i++)
            if (ordered[i].End > from)
                slice.Add(ordered[i]);
        return slice;
    }
}
