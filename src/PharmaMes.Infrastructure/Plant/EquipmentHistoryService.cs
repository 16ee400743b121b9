using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Plant;

public sealed class EquipmentHistoryService(IDbContextFactory<MesDbContext> contexts)
{
    public async Task<EquipmentHistory?> GetAsync(string equipmentCode, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = new PlantCode(equipmentCode);
        var id = await db.Equipment.Where(e => e.Code == code).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
            return null;
        var states = await db.StateIntervals.AsNoTracking()
            .Where(s => s.EquipmentId == id && s.StartedAt <= to && (s.EndedAt == null || s.EndedAt >= from))
            .OrderBy(s => s.StartedAt).Take(2_000)
            .Select(s => new StateSpan(s.State, s.StartedAt, s.EndedAt, s.Reason))
            .ToListAsync(cancellationToken);
        var excursions = await db.Excursions.AsNoTracking()
            .Where(x => x.EquipmentId == id && x.StartedAt <= to && (x.EndedAt == null || x.EndedAt >= from))
            .OrderByDescending(x => x.StartedAt).Take(200)
            .ToListAsync(cancellationToken);
        return new EquipmentHistory(equipmentCode.ToUpperInvariant(), states,
            excursions.Select(x => new ExcursionSummary(x.Id, x.Tag.Value, x.Direction, x.Limit, x.Peak, x.StartedAt, x.EndedAt)).ToList());
    }
}
