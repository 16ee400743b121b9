namespace PharmaMes.Domain.Performance;

/// <summary>A ledger over the counter reports themselves, with sums kept as it goes so each question is two binary searches.</summary>
public sealed class ReportedCounts : CountLedger
{
    private readonly DateTimeOffset[] _at;
    private readonly long[] _good;
    private readonly long[] _reject;

    public ReportedCounts(IReadOnlyList<CountReport> reports)
    {
        var sorted = reports.OrderBy(r => r.At).ToList();
        _at = new DateTimeOffset[sorted.Count];
        _good = new long[sorted.Count + 1];
        _reject = new long[sorted.Count + 1];
        for (var i = 0; i < sorted.Count; i++)
        {
            _at[i] = sorted[i].At;
            _good[i + 1] = _good[i] + sorted[i].Good;
            _reject[i + 1] = _reject[i] + sorted[i].Reject;
        }
    }

    public override (long Good, long Reject) Between(DateTimeOffset after, DateTimeOffset upTo)
    {
        if (upTo <= after)
            return (0, 0);
        var (first, end) = (UpTo(after), UpTo(upTo));
        return (_good[end] - _good[first], _reject[end] - _reject[first]);
    }

    /// <summary>How many reports are at or before <paramref name="at"/>.</summary>
    private int UpTo(DateTimeOffset at)
    {
        int low = 0, high = _at.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_at[mid] <= at) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
