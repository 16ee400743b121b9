using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Plant;

/// <summary>Reads the plant hierarchy for the overview page and the API.</summary>
public sealed class PlantOverviewService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlantOverview>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.WholePlant()
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return sites
            .OrderBy(s => s.Code.Value)
            .Select(site => new PlantOverview(site.Code.Value, site.Name,
                site.Areas.OrderBy(a => a.Code.Value).Select(area => new AreaOverview(area.Code.Value, area.Name,
                    area.Lines.OrderBy(l => l.Code.Value).Select(line => new LineOverview(line.Code.Value, line.Name,
                        line.Equipment.OrderBy(e => e.Code.Value).Select(e => ToOverview(e, now, today)).ToList())).ToList())).ToList(),
                now))
            .ToList();
    }

    private static EquipmentOverview ToOverview(Equipment e, DateTimeOffset now, DateOnly today) =>
        new(e.Code.Value, e.Name, e.Class, e.State, e.StateSince, e.StateReason,
            e.CleaningStatusAt(now), e.CleanUntil, e.CalibrationDueOn, e.IsCalibratedOn(today),
            e.ReasonsNotUsable(now),
            e.Tags.OrderBy(t => t.Position)
                .Select(t => new TagOverview(t.Name.Value, t.Description, t.Unit.Symbol,
                    t.NormalRange.Low, t.NormalRange.High, t.AlarmLimits.Low, t.AlarmLimits.High))
                .ToList())
        {
            Status = e.StatusAt(now),
        };
}
