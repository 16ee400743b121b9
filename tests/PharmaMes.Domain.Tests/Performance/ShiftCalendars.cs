using PharmaMes.Domain.Common;
using PharmaMes.Domain.Performance;

namespace PharmaMes.Domain.Tests.Performance;

/// <summary>Planned time from a shift calendar: shifts in the site's time zone, breaks, holidays and planned stops.</summary>
public class ShiftCalendars
{
    private static ShiftCalendar ThreeShifts(string zone = "UTC", IReadOnlyList<DateOnly>? holidays = null, IReadOnlyList<PlannedStop>? stops = null) =>
        new("OSD-L1", zone,
        [
            new ShiftPattern("Early", new TimeOnly(6, 0), TimeSpan.FromHours(8), breaks: [new ShiftBreak(TimeSpan.FromHours(4), TimeSpan.FromMinutes(30))]),
            new ShiftPattern("Late", new TimeOnly(14, 0), TimeSpan.FromHours(8), breaks: [new ShiftBreak(TimeSpan.FromHours(4), TimeSpan.FromMinutes(30))]),
            new ShiftPattern("Night", new TimeOnly(22, 0), TimeSpan.FromHours(8), breaks: [new ShiftBreak(TimeSpan.FromHours(4), TimeSpan.FromMinutes(30))]),
        ], holidays, stops);

    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ThreeEightHourShiftsWithHalfHourBreaksPlan22AndAHalfHoursADay()
    {
        var windows = ThreeShifts().PlannedWindows(Monday, Monday.AddDays(1));

        Assert.Equal(22.5, windows.Sum(w => w.Length.TotalHours), 6);
        // The night shift that started on Sunday 22:00 runs until 06:00, with its break 02:00 – 02:30.
        Assert.Equal(("Night", Monday), (windows[0].Shift, windows[0].Start));
        Assert.Equal(Monday.AddHours(2), windows[0].End);
        Assert.Equal(Monday.AddDays(-1).AddHours(22), windows[0].ShiftStart);
    }

    [Fact]
    public void AHolidayAndAPlannedStopAreNotPlannedTime()
    {
        var cleaning = new PlannedStop(Monday.AddHours(8), Monday.AddHours(10), "Major cleaning window");
        var calendar = ThreeShifts(holidays: [new DateOnly(2026, 12, 8)], stops: [cleaning]);

        var monday = calendar.PlannedWindows(Monday, Monday.AddDays(1)).Sum(w => w.Length.TotalHours);
        var tuesday = calendar.PlannedWindows(Monday.AddDays(1), Monday.AddDays(2)).Sum(w => w.Length.TotalHours);

        Assert.Equal(20.5, monday, 6);
        // Only Monday's night shift reaches into Tuesday (until 06:00, less its break).
        Assert.Equal(5.5, tuesday, 6);
    }

    [Fact]
    public void ShiftsStartAtTheSitesLocalTimeAcrossDaylightSaving()
    {
        var calendar = new ShiftCalendar("OSD-L1", "Europe/Berlin", [new ShiftPattern("Day", new TimeOnly(6, 0), TimeSpan.FromHours(8))]);

        var winter = calendar.PlannedWindows(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));
        var summer = calendar.PlannedWindows(new DateTimeOffset(2026, 7, 6, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 7, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(5, winter.Single().Start.UtcDateTime.Hour);
        Assert.Equal(4, summer.Single().Start.UtcDateTime.Hour);
    }

    [Fact]
    public void ABadCalendarIsRefusedWithItsReason()
    {
        Assert.Contains("not a time zone", Assert.Throws<DomainException>(() => ThreeShifts("Mars/Olympus")).Message);
        Assert.Throws<DomainException>(() => new ShiftPattern("Long", new TimeOnly(6, 0), TimeSpan.FromHours(25)));
        Assert.Throws<DomainException>(() => new ShiftPattern("Odd", new TimeOnly(6, 0), TimeSpan.FromHours(8), breaks: [new ShiftBreak(TimeSpan.FromHours(7.5), TimeSpan.FromHours(1))]));
        Assert.Throws<DomainException>(() => new ShiftCalendar("OSD-L1", "UTC", []));
    }

    [Fact]
    public void WithoutACalendarEquipmentIsPlannedAroundTheClock()
    {
        var windows = ShiftCalendar.AroundTheClock(Monday.AddHours(12), Monday.AddDays(2));

        Assert.Equal(36, windows.Sum(w => w.Length.TotalHours), 6);
        Assert.Equal(2, windows.Count);
    }

    [Fact]
    public void ShiftsThatOverlapAreRefusedAndBackToBackShiftsAreNot()
    {
        ShiftPattern Shift(string name, int hour, int hours, params DayOfWeek[] days) => new(name, new TimeOnly(hour, 0), TimeSpan.FromHours(hours), days);

        var sameDay = Assert.Throws<DomainException>(() => new ShiftCalendar("L1", "UTC", [Shift("Early", 6, 8), Shift("Day", 8, 9)]));
        var intoSunday = Assert.Throws<DomainException>(() => new ShiftCalendar("L1", "UTC",
            [Shift("Night", 22, 10, DayOfWeek.Saturday), Shift("Early", 6, 8, DayOfWeek.Sunday)]));
        var backToBack = new ShiftCalendar("L1", "UTC", [Shift("Early", 6, 8), Shift("Late", 14, 8), Shift("Night", 22, 8)]);

        Assert.Equal("Shifts 'Early' (Sunday) and 'Day' (Sunday) overlap: a minute can belong to one shift only.", sameDay.Message);
        Assert.Contains("'Night' (Saturday) and 'Early' (Sunday) overlap", intoSunday.Message);
        Assert.Equal(3, backToBack.Shifts.Count);
    }
}
