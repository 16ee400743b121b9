namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// A shift calendar as people and scripts write it: a time zone (e.g. <c>Europe/Berlin</c>), shifts with a local start
/// (<c>06:00</c>), a length in hours, the days they start on (empty: every day) and breaks, holidays, planned stops.
/// </summary>
public sealed record ShiftCalendarInput(string? TimeZone, IReadOnlyList<ShiftInput>? Shifts, IReadOnlyList<DateOnly>? Holidays = null,
    IReadOnlyList<PlannedStopInput>? PlannedStops = null)
{
    /// <summary>A stored calendar in the shape it is written in, for an editor or an API answer.</summary>
    public static ShiftCalendarInput Of(Domain.Performance.ShiftCalendar calendar) =>
        new(calendar.TimeZoneId,
            [.. calendar.Shifts.Select(s => new ShiftInput(s.Name, s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.Length.TotalHours,
                s.Days.Count == 7 ? [] : [.. s.Days.Select(d => d.ToString())],
                [.. s.Breaks.Select(b => new BreakInput(b.Offset.TotalHours, b.Length.TotalMinutes))]))],
            calendar.Holidays, [.. calendar.PlannedStops.Select(p => new PlannedStopInput(p.From, p.To, p.Reason))]);
}

/// <param name="Start">Local time the shift starts, <c>HH:mm</c>.</param>
/// <param name="Days">English day names (<c>Monday</c>…); empty or null for every day.</param>
public sealed record ShiftInput(string? Name, string? Start, double Hours, IReadOnlyList<string>? Days = null, IReadOnlyList<BreakInput>? Breaks = null);

/// <summary>A break <paramref name="AfterHours"/> into the shift, for <paramref name="Minutes"/>.</summary>
public sealed record BreakInput(double AfterHours, double Minutes);

public sealed record PlannedStopInput(DateTimeOffset From, DateTimeOffset To, string? Reason);
