using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Observability;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Drains the ingest queue in batches: one transaction per batch, then the broker acknowledgements,
/// then the live push. A batch that fails to commit is retried with backoff and never
/// acknowledged before it is stored, so the broker keeps (and redelivers) what we did not store.
/// </summary>
public sealed partial class IngestWriter(
    IngestQueue queue,
    IngestBatchProcessor processor,
    IngestMetrics metrics,
    IngestInstruments instruments,
    LivePlant live,
    LiveEvents notifier,
    IOptions<MqttOptions> options,
    ILogger<IngestWriter> logger,
    IngestJournal? journal = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ingest = options.Value.Ingest;
        // The acknowledgements and live push of one stored batch run while the next batch is
        // stored: they wait on the network, the store on the disk. One at a time, in order.
        var confirming = Task.CompletedTask;
        try
        {
            // What the embedded broker acknowledged before a crash and may not have stored comes first.
            foreach (var recovered in (journal?.Recover() ?? []).Chunk(ingest.BatchSize))
            {
                var batch = recovered.ToList();
                var result = await StoreAsync(batch, stoppingToken);
                await confirming;
                confirming = ConfirmAsync(batch, result, stoppingToken);
            }
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<ReceivedMessage>(ingest.BatchSize);
                await FillAsync(batch, ingest, stoppingToken);
                var result = await StoreAsync(batch, stoppingToken);
                await confirming;
                confirming = ConfirmAsync(batch, result, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Whatever was not stored is not acknowledged: the broker redelivers it after a restart.
        }
        await confirming;
    }

    /// <summary>Everything that happens once a batch is committed: broker acknowledgements, counters, live push.</summary>
    private async Task ConfirmAsync(List<ReceivedMessage> batch, IngestBatchResult result, CancellationToken cancellationToken)
    {
        try
        {
            await AcknowledgeAsync(batch, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // stored but not acknowledged: redelivered later, stored once
        }
        metrics.BatchPersisted(batch.Count, result.QuarantinedByReason);
        Publish(result);
    }

    /// <summary>
    /// Takes what is waiting, and waits a moment for more when the batch is not full, unless a
    /// publisher in it waits for its acknowledgement: more would come from it only after this commit,
    /// and the others' messages gather while it runs (group commit).
    /// </summary>
    private async Task FillAsync(List<ReceivedMessage> batch, IngestOptions ingest, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ingest.MaxBatchDelayMilliseconds);
        var publisherWaits = false;
        while (batch.Count < ingest.BatchSize)
        {
            if (queue.Reader.TryRead(out var message))
            {
                batch.Add(message);
                publisherWaits |= message.PublisherWaits;
                continue;
            }
            if (publisherWaits)
                break;
            try
            {
                if (!await queue.Reader.WaitToReadAsync(deadline.Token))
                    break;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Failed attempts at a whole batch before its messages are tried one by one.</summary>
    private const int AttemptsBeforeIsolating = 3;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private static TimeSpan Next(TimeSpan backoff) => TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));

    private async Task<IngestBatchResult> StoreAsync(List<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var dequeued = Stopwatch.GetTimestamp();
        using var activity = MesActivities.Source.StartActivity("ingest batch store");
        activity?.SetTag("pharmames.ingest.batch.size", batch.Count);
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await processor.ProcessAsync(batch, cancellationToken);
                Committed(batch, result, attempt, dequeued, activity);
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                metrics.BatchFailed(ex.GetBaseException().Message);
                LogBatchFailed(ex, batch.Count, backoff.TotalSeconds);
                activity?.AddEvent(new ActivityEvent("attempt failed", tags: new ActivityTagsCollection { ["exception.message"] = ex.GetBaseException().Message }));
                // One bad message must not hold back every message behind it; a database that is
                // unavailable fails every message alike, and then they all wait.
                if (attempt >= AttemptsBeforeIsolating && !StoreFailure.IsDatabaseUnavailable(ex)
                    && await TryOneByOneAsync(batch, cancellationToken) is { } stored)
                {
                    Committed(batch, stored, attempt, dequeued, activity);
                    return stored;
                }
                await Task.Delay(backoff, cancellationToken);
                backoff = Next(backoff);
            }
        }
    }

    private void Committed(List<ReceivedMessage> batch, IngestBatchResult result, int attempts, long dequeued, Activity? activity)
    {
        metrics.BatchStored();
        instruments.BatchCommitted(batch.Count, Stopwatch.GetElapsedTime(dequeued));
        activity?.SetTag("pharmames.ingest.batch.quarantined", result.Quarantined);
        activity?.SetTag("pharmames.ingest.batch.attempts", attempts);
    }

    /// <summary>
    /// Stores the messages one at a time and sets aside in quarantine any that fails on its own.
    /// A message that fails because the database is unavailable waits and is tried again: it is
    /// not at fault. Null when even a quarantine row cannot be written: then the batch waits.
    /// </summary>
    private async Task<IngestBatchResult?> TryOneByOneAsync(List<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var stored = new IngestBatchResult();
        foreach (var message in batch)
        {
            for (var backoff = FirstBackoff; ; backoff = Next(backoff))
            {
                try
                {
                    stored.Add(await processor.ProcessAsync([message], cancellationToken));
                    break;
                }
                catch (Exception ex) when (StoreFailure.IsDatabaseUnavailable(ex) && !cancellationToken.IsCancellationRequested)
                {
                    metrics.BatchFailed(ex.GetBaseException().Message);
                    LogMessageWaits(ex, message.Topic, backoff.TotalSeconds);
                    await Task.Delay(backoff, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    try
                    {
                        await processor.QuarantineAsync(message, new QuarantineReason(QuarantineReason.ProcessingFailed, $"Storing it failed: {ex.GetBaseException().Message}"), cancellationToken);
                        stored.SetAside(QuarantineReason.ProcessingFailed);
                        LogSetAside(ex, message.Topic);
                        break;
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        return null;
                    }
                }
            }
        }
        return stored;
    }

    private async Task AcknowledgeAsync(List<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            try
            {
                await message.AcknowledgeAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The connection that delivered it is gone; the broker redelivers it and the
                // stored copy makes the repeat harmless.
                LogAcknowledgeFailed(message.Topic, ex.Message);
            }
        }
    }

    private void Publish(IngestBatchResult result)
    {
        foreach (var (code, (line, at)) in result.Seen)
            live.For(code, line).Touched(at);
        // The live cache first, so that whoever hears an event reads it current there.
        foreach (var telemetry in result.Telemetry)
        {
            live.Apply(telemetry);
            notifier.Publish(telemetry);
        }
        foreach (var change in result.StateChanges)
        {
            live.Apply(change);
            notifier.Publish(change);
        }
        foreach (var alert in result.Alerts)
            notifier.Publish(alert);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {Count} messages failed; nothing of it is acknowledged, retrying in {Seconds} s")]
    private partial void LogBatchFailed(Exception exception, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable while storing a message on {Topic} alone; it waits, retrying in {Seconds} s")]
    private partial void LogMessageWaits(Exception exception, string topic, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message on {Topic} could not be stored and was set aside in quarantine")]
    private partial void LogSetAside(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledging {Topic} failed ({Error}); the broker will redeliver it")]
    private partial void LogAcknowledgeFailed(string topic, string error);
}
