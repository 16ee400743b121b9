using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// An equipment's validated cleaning rules: how long it stays clean after a cleaning (clean hold
/// time), how long it may stand dirty before a minor cleaning is no longer enough (dirty hold
/// time), and whether a change to another product needs a major cleaning.
/// </summary>
public sealed record CleaningRules
{
    public static readonly TimeSpan MaxHoldTime = TimeSpan.FromDays(365);

    /// <summary>The rules a new equipment starts with until its engineer sets its own.</summary>
    public static readonly CleaningRules Default = new(TimeSpan.FromHours(72), TimeSpan.FromHours(48), productChangeNeedsMajorClean: true);

    public TimeSpan CleanHoldTime { get; }
    public TimeSpan DirtyHoldTime { get; }
    public bool ProductChangeNeedsMajorClean { get; }

    public CleaningRules(TimeSpan cleanHoldTime, TimeSpan dirtyHoldTime, bool productChangeNeedsMajorClean)
    {
        CleanHoldTime = Positive(cleanHoldTime, "The clean hold time");
        DirtyHoldTime = Positive(dirtyHoldTime, "The dirty hold time");
        ProductChangeNeedsMajorClean = productChangeNeedsMajorClean;
    }

    private static TimeSpan Positive(TimeSpan value, string what) =>
        value <= TimeSpan.Zero ? throw new DomainException($"{what} must be positive.")
        : value > MaxHoldTime ? throw new DomainException($"{what} must be at most {MaxHoldTime.TotalDays:0} days.")
        : value;
}
