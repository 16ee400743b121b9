using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Live;

/// <summary>Fills the live cache with each equipment's stored state at start-up, before the first message arrives.</summary>
public sealed class LivePlantLoader(IDbContextFactory<MesDbContext> contexts, LivePlant live)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var equipment = await (from e in db.Equipment.AsNoTracking()
                               join l in db.Lines.AsNoTracking() on e.LineId equals l.Id
                               select new { e.Code, Line = l.Code, e.State, e.StateSince, e.StateReason }).ToListAsync(cancellationToken);
        foreach (var e in equipment)
            live.For(e.Code.Value, e.Line.Value).SetState(e.State, e.StateSince, e.StateReason);
    }
}
