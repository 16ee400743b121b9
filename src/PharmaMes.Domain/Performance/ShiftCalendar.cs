using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Performance;

/// <summary>
/// When a line (or a whole site) is planned to produce: its shifts in the site's time zone, minus breaks,
/// holidays and planned stops. Equipment with no calendar is planned around the clock. The figures of OEE
/// count only planned time: a machine standing outside it loses nothing.
/// </summary>
public class ShiftCalendar
{
    public Guid Id { get; private set; }
    /// <summary>The line or site code the calendar applies to (a line's own calendar wins over its site's).</summary>
    public string Scope { get; private set; } = "";
    /// <summary>An IANA or Windows time zone id: shifts start at the site's local time, across daylight saving changes.</summary>
    public string TimeZoneId { get; private set; } = "UTC";
    public IReadOnlyList<ShiftPattern> Shifts { get; private set; } = [];
    public IReadOnlyList<DateOnly> Holidays { get; private set; } = [];
    public IReadOnlyList<PlannedStop> PlannedStops { get; private set; } = [];

    protected ShiftCalendar() { }

    public ShiftCalendar(string scope, string timeZoneId, IReadOnlyList<ShiftPattern> shifts, IReadOnlyList<DateOnly>? holidays = null,
        IReadOnlyList<PlannedStop>? plannedStops = null)
    {
        Id = Ids.New();
        Scope = Guard.Text(scope, "The line or site of a calendar", 40).ToUpperInvariant();
        Change(timeZoneId, shifts, holidays, plannedStops);
    }

    public void Change(string timeZoneId, IReadOnlyList<ShiftPattern> shifts, IReadOnlyList<DateOnly>? holidays = null, IReadOnlyList<PlannedStop>? plannedStops = null)
    {
        _ = Zone(timeZoneId);
        if (shifts.Count == 0)
            throw new DomainException("A shift calendar needs at least one shift; without a calendar the equipment is planned around the clock.");
        if (shifts.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != shifts.Count)
            throw new DomainException("Each shift of a calendar needs its own name.");
        RefuseOverlaps(shifts);
        TimeZoneId = timeZoneId;
        Shifts = [.. shifts];
        Holidays = [.. (holidays ?? []).Distinct().Order()];
        PlannedStops = [.. (plannedStops ?? []).OrderBy(p => p.From)];
    }

    /// <summary>
    /// Two shifts at the same time would count the same minutes and units twice. Each shift is placed on a week of minutes
    /// (a night shift runs into the next day, Saturday's into Sunday) and compared with the others, also a week apart.
    /// </summary>
    private static void RefuseOverlaps(IReadOnlyList<ShiftPattern> shifts)
    {
        var week = TimeSpan.FromDays(7);
        var placed = shifts.SelectMany(s => s.Days.Select(day => (Shift: s, Day: day,
            Start: TimeSpan.FromDays((int)day) + s.Start.ToTimeSpan()))).ToList();
        for (var i = 0; i < placed.Count; i++)
            for (var j = i + 1; j < placed.Count; j++)
            {
                var (a, b) = (placed[i], placed[j]);
                if (ReferenceEquals(a.Shift, b.Shift) && a.Day == b.Day)
                    continue;
                foreach (var shift in new[] { -week, TimeSpan.Zero, week })
                    if (a.Start < b.Start + shift + b.Shift.Length && b.Start + shift < a.Start + a.Shift.Length)
                        throw new DomainException($"Shifts '{a.Shift.Name}' ({a.Day}) and '{b.Shift.Name}' ({b.Day}) overlap: a minute can belong to one shift only.");
            }
    }

    /// <summary>The planned windows between <paramref name="from"/> and <paramref name="to"/>, in time order.</summary>
    public IReadOnlyList<PlannedWindow> PlannedWindows(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return [];
        var zone = Zone(TimeZoneId);
        var windows = new List<PlannedWindow>();
        // A shift that started the day before may still run (night shifts).
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (Holidays.Contains(day))
                continue;
            foreach (var shift in Shifts.Where(s => s.Days.Contains(day.DayOfWeek)))
            {
                var start = Local(day.ToDateTime(shift.Start), zone);
                var end = start + shift.Length;
                var cursor = start;
                foreach (var pause in shift.Breaks)
                {
                    windows.Add(new PlannedWindow(cursor, start + pause.Offset, shift.Name, start, end));
                    cursor = start + pause.Offset + pause.Length;
                }
                windows.Add(new PlannedWindow(cursor, end, shift.Name, start, end));
            }
        }
        return [.. windows.SelectMany(w => WithoutPlannedStops(w))
            .Select(w => w with { Start = Max(w.Start, from), End = Min(w.End, to) })
            .Where(w => w.End > w.Start)
            .OrderBy(w => w.Start)];
    }

    /// <summary>Around the clock: one window per UTC day, named after the day, for equipment with no calendar.</summary>
    public static IReadOnlyList<PlannedWindow> AroundTheClock(DateTimeOffset from, DateTimeOffset to)
    {
        var windows = new List<PlannedWindow>();
        for (var day = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero); day < to; day = day.AddDays(1))
        {
            var (start, end) = (Max(day, from), Min(day.AddDays(1), to));
            if (end > start)
                windows.Add(new PlannedWindow(start, end, "Day", day, day.AddDays(1)));
        }
        return windows;
    }

    private IEnumerable<PlannedWindow> WithoutPlannedStops(PlannedWindow window)
    {
        var pieces = new List<PlannedWindow> { window };
        foreach (var stop in PlannedStops.Where(s => s.From < window.End && s.To > window.Start))
            pieces = [.. pieces.SelectMany(p => Cut(p, stop))];
        return pieces;
    }

    private static IEnumerable<PlannedWindow> Cut(PlannedWindow piece, PlannedStop stop)
    {
        if (stop.To <= piece.Start || stop.From >= piece.End)
        {
            yield return piece;
            yield break;
        }
        if (stop.From > piece.Start)
            yield return piece with { End = stop.From };
        if (stop.To < piece.End)
            yield return piece with { Start = stop.To };
    }

    private static DateTimeOffset Local(DateTime local, TimeZoneInfo zone)
    {
        // A start that falls in the hour skipped by daylight saving begins when the clock jumps.
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(Guard.Text(id, "A time zone", 64));
        }
        catch (TimeZoneNotFoundException)
        {
            throw new DomainException($"'{id}' is not a time zone this server knows, e.g. Europe/Berlin or UTC.");
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
