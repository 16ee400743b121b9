using PharmaMes.Domain.Performance;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>The calendars that may plan a line: its own (<see cref="Own"/>) wins over its site's; with neither it is planned around the clock.</summary>
public sealed record LineCalendars(string Line, string LineName, string Site, ShiftCalendar? Own, ShiftCalendar? SiteCalendar)
{
    public ShiftCalendar? Applied => Own ?? SiteCalendar;
}
