using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PharmaMes.Domain.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// Writes the audit trail of a save: the audit records of its changes, under the actor its unit of
/// work was begun for and stamped by the app's clock, appended to the keyed chain in the save's
/// transaction. Runs after the lot balance and outbox interceptors, so it sees everything the save writes.
/// </summary>
internal sealed class AuditTrailInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // The entries of an attempt that failed: a retried save must not write them a second time.
    private readonly ConditionalWeakTable<DbContext, List<AuditEntry>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // The chain head is locked and read with the database: only the asynchronous save does that.
        if (eventData.Context is MesDbContext db && db.HasAuditedChanges())
            throw new InvalidOperationException("Audited data is saved with SaveChangesAsync, which writes the audit trail.");
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not MesDbContext db)
            return result;
        Forget(db);
        var now = (db.ReplayClock ?? clock).GetUtcNow();
        var records = await AuditCollector.CollectAsync(db, db.AuditActor, now, cancellationToken);
        records.AddRange(db.PendingAuditEvents);
        if (records.Count == 0)
            return result;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit entries are written in the transaction of the change they record.");

        // The key lives in the app's services, not in the database the entries go to.
        var key = db.GetService<AuditChainKeys>().Current;
        var entries = await AuditWriter.AppendAsync(db, records, key, cancellationToken);
        db.AuditEntries.AddRange(entries);
        _pending.AddOrUpdate(db, [.. entries]);
        return result;
    }

    private void Forget(MesDbContext db)
    {
        if (!_pending.TryGetValue(db, out var entries))
            return;
        foreach (var entry in entries)
        {
            var tracked = db.Entry(entry);
            if (tracked.State == EntityState.Added)
                tracked.State = EntityState.Detached;
        }
        _pending.Remove(db);
    }
}
