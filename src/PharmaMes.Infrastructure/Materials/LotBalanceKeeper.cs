using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// Posts every new ledger entry of a save to its lot's balance in the same transaction (called by
/// <see cref="LotBalanceInterceptor"/>). Done there, not in each service, so that no posting can reach the ledger without the balance check.
/// </summary>
internal static class LotBalanceKeeper
{
    /// <summary>Returns the materials whose stock changed; <paramref name="posted"/> holds the entries already posted, and gains the new ones.</summary>
    public static async Task<HashSet<Guid>> PostAsync(MesDbContext db, DateTimeOffset now, HashSet<InventoryLedgerEntry> posted, CancellationToken cancellationToken)
    {
        var changedMaterials = new HashSet<Guid>();
        foreach (var lot in db.ChangeTracker.Entries<MaterialLot>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList())
        {
            if (db.ChangeTracker.Entries<LotBalance>().All(b => b.Entity.LotId != lot.Id))
                db.Add(new LotBalance(lot.Id, lot.MaterialId, now));
        }
        var postings = db.ChangeTracker.Entries<InventoryLedgerEntry>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(e => !posted.Contains(e))
            .OrderBy(e => e.OccurredAt).ToList();
        foreach (var entry in postings)
        {
            var balance = db.ChangeTracker.Entries<LotBalance>().FirstOrDefault(b => b.Entity.LotId == entry.LotId)?.Entity
                          ?? await db.Set<LotBalance>().SingleOrDefaultAsync(b => b.LotId == entry.LotId, cancellationToken)
                          ?? throw new InvalidOperationException($"Lot {entry.LotId} has no stock balance row.");
            balance.Post(entry);
            posted.Add(entry);
            changedMaterials.Add(entry.MaterialId);
        }
        return changedMaterials;
    }
}
