using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Outbox.Delivery;
using PharmaMes.Infrastructure.Observability;
using PharmaMes.Infrastructure.Outbox.Formats;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>
/// Delivers the outbox to the ERP: a Hangfire job, started when a commit writes messages, when a
/// retry falls due, and every minute as a safety net. The outbox table is the truth: the job only
/// reads what is due and records each attempt, so a restart or a lost job loses nothing.
/// Aggregates are delivered side by side; the messages of one aggregate strictly one after the
/// other, and none while an earlier one of the same aggregate is waiting or dead-lettered.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<MesDbContext> contexts,
    IOptions<ErpOptions> options,
    IErpMessageFormatter formatter,
    ErpWebhookTarget webhook,
    ErpFolderTarget folder,
    OutboxTrigger trigger,
    IBackgroundJobClient jobs,
    OutboxBacklog backlog,
    OutboxInstruments instruments,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int MaxAggregatesPerPass = 500;
    private const int MaxMessagesPerPass = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _retryScheduledFor;

    /// <summary>Delivers everything due now, pass after pass, then books a run for the next retry.</summary>
    // Once across the cluster: the job storage's lock, shared by every node (the semaphore below only guards this process).
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<OutboxDrainResult> DrainAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HasTarget)
            return OutboxDrainResult.Nothing;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Commits from here on ask for a new run: this one may already have read past them.
            trigger.Reset();
            var total = OutboxDrainResult.Nothing;
            while (true)
            {
                var pass = await DeliverPassAsync(settings, cancellationToken);
                total += pass;
                if (pass.Attempted == 0)
                    break;
            }
            await ScheduleNextRetryAsync(cancellationToken);
            await CountBacklogAsync(cancellationToken);
            if (total.Failed > 0)
                logger.LogWarning("ERP outbox: {Delivered} delivered, {Failed} failed attempts this run", total.Delivered, total.Failed);
            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<OutboxDrainResult> DeliverPassAsync(ErpOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // The head of each aggregate is its oldest undelivered message; only a due, Pending head lets the aggregate move.
        var heads = db.OutboxMessages.Where(m => m.Status != OutboxStatus.Delivered)
            .GroupBy(m => m.Aggregate).Select(g => g.Min(m => m.Position));
        var due = await db.OutboxMessages
            .Where(m => heads.Contains(m.Position) && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.Position).Select(m => m.Aggregate).Take(MaxAggregatesPerPass)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
            return OutboxDrainResult.Nothing;
        var messages = await db.OutboxMessages
            .Where(m => due.Contains(m.Aggregate) && m.Status != OutboxStatus.Delivered)
            .OrderBy(m => m.Position).Take(MaxMessagesPerPass)
            .ToListAsync(cancellationToken);

        var delivered = new ConcurrentBag<(OutboxMessage Message, DateTimeOffset At)>();
        var failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(messages.GroupBy(m => m.Aggregate), parallel, async (aggregate, token) =>
        {
            foreach (var message in aggregate)
            {
                if (message.Status != OutboxStatus.Pending)
                    break;
                using var activity = MesActivities.Source.StartActivity("outbox deliver");
                activity?.SetTag("pharmames.outbox.type", message.Type.ToString());
                activity?.SetTag("pharmames.outbox.aggregate", message.Aggregate);
                activity?.SetTag("pharmames.outbox.position", message.Position);
                activity?.SetTag("pharmames.outbox.attempt", message.Attempts + 1);
                var result = await DeliverAsync(message, token);
                var at = clock.GetUtcNow();
                if (result.Succeeded)
                {
                    message.MarkDelivered(at);
                    delivered.Add((message, at));
                    continue;
                }
                activity?.SetStatus(ActivityStatusCode.Error, result.Error);
                message.MarkFailed(result.Error ?? "Delivery failed.", at, settings.MaxAttempts,
                    TimeSpan.FromSeconds(settings.FirstRetrySeconds), TimeSpan.FromSeconds(settings.MaxRetrySeconds));
                Interlocked.Increment(ref failed);
                if (message.Status == OutboxStatus.Failed)
                    logger.LogError("ERP message {Position} ({Type}, {Aggregate}) is dead-lettered after {Attempts} attempts: {Error}",
                        message.Position, message.Type, message.Aggregate, message.Attempts, message.LastError);
                // Later messages of this aggregate wait for this one.
                break;
            }
        });
        await db.SaveChangesAsync(cancellationToken);
        // Counted once the deliveries are recorded: a save that fails sends them again.
        foreach (var (message, at) in delivered)
            instruments.Delivered(message, at);
        return new OutboxDrainResult(delivered.Count + failed, delivered.Count, failed);
    }

    /// <summary>What waits and what is dead-lettered, for the metrics: counted once per run, not per scrape.</summary>
    private async Task CountBacklogAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var byStatus = await db.OutboxMessages.AsNoTracking().Where(m => m.Status != OutboxStatus.Delivered).GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        backlog.Counted(byStatus.GetValueOrDefault(OutboxStatus.Pending), byStatus.GetValueOrDefault(OutboxStatus.Failed), clock.GetUtcNow());
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = formatter.Render(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DeliveryResult.Failure($"Could not be written as {formatter.Format}: {e.Message}");
        }
        if (folder.IsConfigured)
        {
            var written = await folder.WriteAsync(message, body, formatter, cancellationToken);
            if (!written.Succeeded)
                return written;
        }
        return webhook.IsConfigured ? await webhook.SendAsync(message, body, formatter, cancellationToken) : DeliveryResult.Success;
    }

    /// <summary>Books one run for the earliest retry, unless one is already booked before it.</summary>
    private async Task ScheduleNextRetryAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var next = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt > now)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        if (next is not { } at || (_retryScheduledFor is { } booked && booked > now && booked <= at))
            return;
        _retryScheduledFor = at;
        jobs.Schedule<OutboxDispatcher>(d => d.DrainAsync(CancellationToken.None), at - now);
    }
}
