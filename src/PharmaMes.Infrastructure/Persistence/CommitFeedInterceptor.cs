using PharmaMes.Infrastructure.Live;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// Publishes a context's collected changes once they are durable: after its transaction commits,
/// or after a save that ran in no explicit transaction. Registered after the interceptors that add
/// to a save, so it notes what they add too. A rolled-back transaction publishes nothing.
/// </summary>
internal sealed class CommitFeedInterceptor(LiveEvents feed) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as MesDbContext)?.CollectCommittedChanges();
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is MesDbContext db && db.Database.CurrentTransaction is null)
            Flush(db);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is MesDbContext db && db.Database.CurrentTransaction is null)
            Flush(db);
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is MesDbContext db)
            Flush(db);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is MesDbContext db)
            Flush(db);
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MesDbContext)?.TakeCommittedChanges();
        return Task.CompletedTask;
    }

    private void Flush(MesDbContext db)
    {
        if (db.TakeCommittedChanges() is { } changes)
            feed.Publish(changes);
    }
}
