using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>A device's cumulative good and reject counters at one moment; never negative.</summary>
public readonly record struct CounterReading
{
    public long Good { get; }
    public long Reject { get; }
    public DateTimeOffset At { get; }

    public CounterReading(long good, long reject, DateTimeOffset at)
    {
        if (good < 0 || reject < 0)
            throw new DomainException($"Counters cannot be negative (good {good}, reject {reject}).");
        Good = good;
        Reject = reject;
        At = at;
    }
}
