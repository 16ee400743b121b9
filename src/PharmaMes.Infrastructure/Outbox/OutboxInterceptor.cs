using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>
/// Adds to a save the ERP messages its changes call for (see <see cref="OutboxCollector"/>), so the
/// outbox rows commit with the change whatever service made it.
/// </summary>
internal sealed class OutboxInterceptor : SaveChangesInterceptor
{
    // The messages of an attempt that failed: a retried save collects them again, once.
    private readonly ConditionalWeakTable<DbContext, List<OutboxMessage>> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not MesDbContext db)
            return result;
        if (_pending.TryGetValue(db, out var earlier))
        {
            foreach (var message in earlier.Where(m => db.Entry(m).State == EntityState.Added))
                db.Entry(message).State = EntityState.Detached;
            _pending.Remove(db);
        }
        var messages = await OutboxCollector.CollectAsync(db, cancellationToken);
        if (messages.Count == 0)
            return result;
        db.OutboxMessages.AddRange(messages);
        _pending.AddOrUpdate(db, messages);
        db.OutboxWritten();
        return result;
    }
}
