using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>Lists the outbox for the integration page and API, and replays dead-lettered messages.</summary>
public sealed class OutboxMonitor(IDbContextFactory<MesDbContext> contexts, OutboxTrigger trigger, OutboxBacklog backlog, TimeProvider clock, ILogger<OutboxMonitor> logger)
{
    public const int MaxPageSize = 500;

    /// <summary>Newest first; <paramref name="before"/> pages back by position.</summary>
    public async Task<IReadOnlyList<OutboxMessageView>> ListAsync(OutboxStatus? status, int limit = 100, long? before = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is { } wanted)
            query = query.Where(m => m.Status == wanted);
        if (before is { } position)
            query = query.Where(m => m.Position < position);
        return await query.OrderByDescending(m => m.Position).Take(Math.Clamp(limit, 1, MaxPageSize))
            .Select(m => new OutboxMessageView(m.Position, m.MessageId, m.Type, m.Aggregate, m.OccurredAt, m.Status, m.Attempts,
                m.NextAttemptAt, m.LastAttemptAt, m.LastError, m.DeliveredAt, m.Payload))
            .ToListAsync(cancellationToken);
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var byStatus = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var oldest = await db.OutboxMessages.AsNoTracking().Where(m => m.Status != OutboxStatus.Delivered)
            .OrderBy(m => m.Position).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        var counts = new OutboxCounts(byStatus.GetValueOrDefault(OutboxStatus.Pending), byStatus.GetValueOrDefault(OutboxStatus.Failed),
            byStatus.GetValueOrDefault(OutboxStatus.Delivered), oldest);
        backlog.Counted(counts.Pending, counts.Failed, clock.GetUtcNow());
        return counts;
    }

    /// <summary>
    /// Sends a message again from its first attempt, with the same Idempotency-Key. Returns false when
    /// there is no such message. A Pending message is left alone: it is already on its way.
    /// </summary>
    public async Task<bool> ReplayAsync(long position, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Position == position, cancellationToken);
        if (message is null)
            return false;
        if (message.Status != OutboxStatus.Pending)
        {
            message.Replay(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{By} replays ERP message {Position} ({Type}, {Aggregate})", by, position, message.Type, message.Aggregate);
        }
        trigger.RequestRun();
        return true;
    }

    /// <summary>Replays every dead-lettered message; returns how many.</summary>
    public async Task<int> ReplayFailedAsync(string by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var failed = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var message in failed)
            message.Replay(now);
        await db.SaveChangesAsync(cancellationToken);
        if (failed.Count > 0)
            logger.LogInformation("{By} replays {Count} dead-lettered ERP messages", by, failed.Count);
        trigger.RequestRun();
        return failed.Count;
    }
}
