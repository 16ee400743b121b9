using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>Reads and writes the shift calendar of a line or a site; every change is in the audit trail with who and why.</summary>
public sealed class ShiftCalendarService(IDbContextFactory<MesDbContext> contexts)
{
    public async Task<ShiftCalendar?> GetAsync(string scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = scope.Trim().ToUpperInvariant();
        return await db.ShiftCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Scope == key, cancellationToken);
    }

    /// <summary>A line, its site, and the calendars that may plan it: its own wins over its site's; with neither it is planned around the clock.</summary>
    public async Task<LineCalendars?> ForLineAsync(string line, CancellationToken cancellationToken = default)
    {
        if (PlantCode.TryParse(line) is not { } code)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await (from l in db.Lines.AsNoTracking()
                           where l.Code == code
                           join a in db.Areas.AsNoTracking() on l.AreaId equals a.Id
                           join s in db.Sites.AsNoTracking() on a.SiteId equals s.Id
                           select new { l.Code, l.Name, Site = s.Code }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        var calendars = await db.ShiftCalendars.AsNoTracking().Where(c => c.Scope == found.Code.Value || c.Scope == found.Site.Value).ToListAsync(cancellationToken);
        return new LineCalendars(found.Code.Value, found.Name, found.Site.Value,
            calendars.SingleOrDefault(c => c.Scope == found.Code.Value), calendars.SingleOrDefault(c => c.Scope == found.Site.Value));
    }

    /// <summary>Creates or replaces the calendar of the line or site <paramref name="scope"/>; returns it as stored.</summary>
    public async Task<ShiftCalendar> SaveAsync(string scope, ShiftCalendarInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var code = new PlantCode(scope);
        if (!await db.Lines.AnyAsync(l => l.Code == code, cancellationToken) && !await db.Sites.AnyAsync(s => s.Code == code, cancellationToken))
            throw new DomainException($"There is no line or site {code}.");
        var shifts = (input.Shifts ?? []).Select(Shift).ToList();
        var stops = (input.PlannedStops ?? []).Select(p => new PlannedStop(p.From, p.To, p.Reason ?? "")).ToList();
        var zone = string.IsNullOrWhiteSpace(input.TimeZone) ? "UTC" : input.TimeZone.Trim();
        var calendar = await db.ShiftCalendars.SingleOrDefaultAsync(c => c.Scope == code.Value, cancellationToken);
        if (calendar is null)
            db.ShiftCalendars.Add(calendar = new ShiftCalendar(code.Value, zone, shifts, input.Holidays, stops));
        else
            calendar.Change(zone, shifts, input.Holidays, stops);
        await db.SaveChangesAsync(cancellationToken);
        return calendar;
    }

    private static ShiftPattern Shift(ShiftInput input)
    {
        var name = input.Name ?? "";
        if (!TimeOnly.TryParseExact(input.Start?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            throw new DomainException($"Shift '{name}' needs its start as HH:mm, e.g. 06:00 (got '{input.Start}').");
        var days = new List<DayOfWeek>();
        foreach (var day in input.Days ?? [])
            days.Add(Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(day, out _)
                ? parsed
                : throw new DomainException($"'{day}' is not a day of the week (Monday … Sunday)."));
        if (!double.IsFinite(input.Hours))
            throw new DomainException($"Shift '{name}' needs its length in hours.");
        var breaks = (input.Breaks ?? []).Select(b => double.IsFinite(b.AfterHours) && double.IsFinite(b.Minutes)
            ? new ShiftBreak(TimeSpan.FromHours(b.AfterHours), TimeSpan.FromMinutes(b.Minutes))
            : throw new DomainException($"A break of shift '{name}' needs its start (hours into the shift) and its length in minutes.")).ToList();
        return new ShiftPattern(name, start, TimeSpan.FromHours(input.Hours), days, breaks);
    }
}
