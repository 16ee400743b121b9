using PharmaMes.Infrastructure.Live;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// Publishes each batch's status as retained JSON on <c>{root}/{site}/_mes/batches/{batch}</c> when a
/// commit changes the batch, and every open batch at start, so planners' tools see batches move live.
/// </summary>
public sealed class BatchStateWatch(LiveEvents feed, IDbContextFactory<MesDbContext> contexts, MesStatePublisher state, TimeProvider clock,
    ILogger<BatchStateWatch> logger) : BackgroundService
{
    /// <summary>The retained message: the step shown is the one in progress, else the next one to do.</summary>
    public sealed record BatchStatus(string Batch, string Order, string Product, BatchState State, BatchDisposition Disposition,
        int? CurrentStep, string? CurrentStepName, int StepsCompleted, int Steps, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset At);

    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Action<CommittedChanges> onCommit = changes =>
        {
            foreach (var batch in changes.BatchesChanged)
                _changed.Writer.TryWrite(batch);
        };
        // Published to MQTT once, by the node where the batch changed.
        using var subscription = feed.Subscribe(onCommit, LiveEventScope.ThisNode);
        try
        {
            await PublishAsync(null, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var batches = new HashSet<string> { await _changed.Reader.ReadAsync(stoppingToken) };
                while (_changed.Reader.TryRead(out var more))
                    batches.Add(more);
                await PublishAsync(batches, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The named batches, or at start every batch not yet decided by QA.</summary>
    private async Task PublishAsync(IReadOnlyCollection<string>? numbers, CancellationToken cancellationToken)
    {
        try
        {
            await PublishOrThrowAsync(numbers, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The batch's next change publishes it again; the batch itself is safe in the database.
            logger.LogWarning("Publishing batch status failed: {Error}", ex.Message);
        }
    }

    private async Task PublishOrThrowAsync(IReadOnlyCollection<string>? numbers, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Batches.AsNoTracking();
        if (numbers is null)
            query = query.Where(b => b.Disposition == BatchDisposition.PendingReview);
        else
        {
            var wanted = numbers.Select(n => new BatchNumber(n)).ToList();
            query = query.Where(b => wanted.Contains(b.Number));
        }
        var batches = await query.Join(db.ProductionOrders.AsNoTracking(), b => b.OrderId, o => o.Id,
                (b, o) => new { b.Id, b.Number, Order = o.Number, b.ProductCode, b.State, b.Disposition, b.StartedAt, b.CompletedAt })
            .ToListAsync(cancellationToken);
        var ids = batches.Select(b => b.Id).ToList();
        var steps = (await db.BatchSteps.AsNoTracking().Where(s => ids.Contains(s.BatchId))
            .Select(s => new { s.BatchId, s.Number, s.Name, s.State }).ToListAsync(cancellationToken)).ToLookup(s => s.BatchId);
        var now = clock.GetUtcNow();
        foreach (var batch in batches)
        {
            var own = steps[batch.Id].OrderBy(s => s.Number).ToList();
            var current = own.FirstOrDefault(s => s.State is StepState.InProgress or StepState.AwaitingVerification)
                          ?? own.FirstOrDefault(s => s.State == StepState.Pending);
            state.Publish($"batches/{batch.Number.Value}", new BatchStatus(batch.Number.Value, batch.Order.Value, batch.ProductCode.Value, batch.State, batch.Disposition,
                current?.Number, current?.Name, own.Count(s => s.State is StepState.Completed or StepState.Skipped), own.Count, batch.StartedAt, batch.CompletedAt, now));
        }
    }
}
