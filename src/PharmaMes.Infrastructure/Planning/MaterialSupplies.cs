using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Planning;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// The stock planning counts on, lot by lot: a released lot within its expiry from now; a lot received into Quarantine
/// from when quality control is expected to release it (<see cref="PlanningOptions.QuarantineReleaseDays"/> after it
/// came in), unless it expires first. A lot QA put back into Quarantine is on hold: nobody can say when it comes back,
/// so it is not counted, nor are rejected and expired lots.
/// </summary>
public static class MaterialSupplies
{
    public static async Task<IReadOnlyList<MaterialSupply>> ReadAsync(MesDbContext db, DateTimeOffset now, TimeSpan quarantineRelease,
        CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var lots = await (from b in db.LotBalances.AsNoTracking()
                          join l in db.MaterialLots.AsNoTracking() on b.LotId equals l.Id
                          join m in db.Materials.AsNoTracking() on l.MaterialId equals m.Id
                          where b.OnHand > 0 && (l.Status == LotStatus.Released || l.Status == LotStatus.Quarantine) && l.ExpiryDate >= today
                          select new { m.Code, l.Status, l.StatusReason, l.StatusChangedAt, l.ExpiryDate, b.OnHand }).ToListAsync(cancellationToken);
        var supplies = new List<MaterialSupply>();
        foreach (var lot in lots)
        {
            if (lot.Status == LotStatus.Released)
                supplies.Add(new MaterialSupply(lot.Code.Value, lot.OnHand, now));
            else if (lot.StatusReason is null && Later(now, lot.StatusChangedAt + quarantineRelease) is var release
                     && DateOnly.FromDateTime(release.UtcDateTime) <= lot.ExpiryDate)
                supplies.Add(new MaterialSupply(lot.Code.Value, lot.OnHand, release));
        }
        return supplies;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
