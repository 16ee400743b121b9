using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Production;

/// <summary>A recorded value against its limits. Limits are inclusive: a value on a limit is within it.</summary>
public static class LimitCheck
{
    public static EntryResult Check(double value, ValueRange limits) =>
        !double.IsFinite(value) ? throw new DomainException("A recorded value must be a finite number.")
        : limits.Contains(value) ? EntryResult.WithinLimits
        : EntryResult.OutOfLimits;
}
