using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// Gives every lot without a balance row one, summed from its ledger entries: lots recorded before
/// balances were kept, or a balance table rebuilt from the ledger after a restore.
/// </summary>
internal static class LotBalanceBackfill
{
    public static async Task<int> RunAsync(MesDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var missing = await db.MaterialLots.AsNoTracking()
            .Where(l => !db.LotBalances.Any(b => b.LotId == l.Id))
            .Select(l => new { l.Id, l.MaterialId })
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
            return 0;
        var ids = missing.Select(l => l.Id).ToList();
        var sums = await db.InventoryLedger.AsNoTracking().Where(e => ids.Contains(e.LotId))
            .GroupBy(e => e.LotId).Select(g => new { LotId = g.Key, OnHand = g.Sum(e => e.Change) })
            .ToDictionaryAsync(x => x.LotId, x => x.OnHand, cancellationToken);
        foreach (var lot in missing)
            db.LotBalances.Add(LotBalance.Opening(lot.Id, lot.MaterialId, sums.GetValueOrDefault(lot.Id), now));
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
