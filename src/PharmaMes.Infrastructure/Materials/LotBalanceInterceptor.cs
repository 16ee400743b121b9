using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// Posts the new ledger entries of a save to their lots' balances before it is written, so the
/// balance and its postings commit together and no posting escapes the negative stock check.
/// </summary>
internal sealed class LotBalanceInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Ledger entries already posted by an attempt that failed: a retried save must not post them twice.
    private readonly ConditionalWeakTable<DbContext, HashSet<InventoryLedgerEntry>> _posted = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not MesDbContext db)
            return result;
        db.ChangeTracker.DetectChanges();
        var posted = _posted.GetOrCreateValue(db);
        db.StockPosted(await LotBalanceKeeper.PostAsync(db, (db.ReplayClock ?? clock).GetUtcNow(), posted, cancellationToken));
        // The balances just changed: the interceptors after this one read them as modified.
        db.ChangeTracker.DetectChanges();
        return result;
    }
}
