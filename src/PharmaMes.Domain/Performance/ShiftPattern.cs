using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Performance;

/// <summary>
/// One shift of a calendar: when it starts (local time of the site), how long it lasts, on which days it
/// starts, and its breaks (offset from the shift's start and length), which are not planned time.
/// </summary>
public sealed record ShiftPattern
{
    public const int NameMaxLength = 40;

    public string Name { get; }
    public TimeOnly Start { get; }
    public TimeSpan Length { get; }
    /// <summary>The days the shift starts on; a night shift starting on Friday ends on Saturday.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; }
    public IReadOnlyList<ShiftBreak> Breaks { get; }

    public ShiftPattern(string name, TimeOnly start, TimeSpan length, IReadOnlyList<DayOfWeek>? days = null, IReadOnlyList<ShiftBreak>? breaks = null)
    {
        Name = Guard.Text(name, "A shift name", NameMaxLength);
        if (length <= TimeSpan.Zero || length > TimeSpan.FromHours(24))
            throw new DomainException($"Shift '{Name}' must last more than nothing and at most 24 hours.");
        Start = start;
        Length = length;
        Days = days is { Count: > 0 } ? [.. days.Distinct().Order()] : Enum.GetValues<DayOfWeek>();
        Breaks = [.. (breaks ?? []).OrderBy(b => b.Offset)];
        foreach (var pause in Breaks)
            if (pause.Offset < TimeSpan.Zero || pause.Length <= TimeSpan.Zero || pause.Offset + pause.Length > Length)
                throw new DomainException($"A break of shift '{Name}' must lie within the shift's {Length.TotalHours:0.##} hours.");
        for (var i = 1; i < Breaks.Count; i++)
            if (Breaks[i].Offset < Breaks[i - 1].Offset + Breaks[i - 1].Length)
                throw new DomainException($"The breaks of shift '{Name}' overlap.");
    }
}

/// <summary>A break within a shift: from <see cref="Offset"/> after the shift starts, for <see cref="Length"/>.</summary>
public sealed record ShiftBreak(TimeSpan Offset, TimeSpan Length);
