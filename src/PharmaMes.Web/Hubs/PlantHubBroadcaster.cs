using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Web.Observability;

namespace PharmaMes.Web.Hubs;

/// <summary>
/// Forwards live plant events to hub clients. The notifier's handlers only queue (the ingest
/// pipeline never waits for a network client); this service sends from the queue. Batches and
/// quality exceptions are read after their commit, so a client never hears of what is not stored.
/// </summary>
public sealed partial class PlantHubBroadcaster(LiveEvents notifier, RecordEvents records,
    IHubContext<PlantHub> hub, HubInstruments instruments, ILogger<PlantHubBroadcaster> logger) : BackgroundService
{
    // Under overload the oldest live telemetry is skipped (the database has every sample); state
    // changes and alerts are few and go in their own queue, which never drops.
    private readonly Channel<object> _telemetry = Channel.CreateBounded<object>(new BoundedChannelOptions(20_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Action<TelemetryUpdated> onTelemetry = e => _telemetry.Writer.TryWrite(e);
        Action<EquipmentStateChanged> onState = e => _events.Writer.TryWrite(e);
        Action<AlertRaised> onAlert = e => _events.Writer.TryWrite(e);
        Action<AlertAcknowledged> onAcknowledged = e => _events.Writer.TryWrite(e);
        Action<AlertCleared> onCleared = e => _events.Writer.TryWrite(e);
        // This node's events only: with several nodes, SignalR's Redis backplane brings them to every node's clients,
        // and the other nodes send their own.
        IDisposable[] subscriptions =
        [
            notifier.Subscribe(onTelemetry, LiveEventScope.ThisNode),
            notifier.Subscribe(onState, LiveEventScope.ThisNode),
            notifier.Subscribe(onAlert, LiveEventScope.ThisNode),
            notifier.Subscribe(onAcknowledged, LiveEventScope.ThisNode),
            notifier.Subscribe(onCleared, LiveEventScope.ThisNode),
            notifier.Subscribe<CommittedChanges>(changes =>
            {
                foreach (var batch in changes.BatchesChanged)
                    _events.Writer.TryWrite(new BatchToAnnounce(batch));
                foreach (var exception in changes.QualityExceptionsChanged)
                    _events.Writer.TryWrite(new ExceptionToAnnounce(exception));
            }, LiveEventScope.ThisNode),
        ];
        stoppingToken.Register(() =>
        {
            foreach (var subscription in subscriptions)
                subscription.Dispose();
        });
        return Task.WhenAll(DrainAsync(_events.Reader, stoppingToken), DrainAsync(_telemetry.Reader, stoppingToken));
    }

    private async Task DrainAsync(ChannelReader<object> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(e, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendFailed(ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(object e, CancellationToken cancellationToken)
    {
        if (await SendOneAsync(e, cancellationToken) is { } method)
            instruments.Sent(method);
    }

    /// <summary>Sends one event; the hub method it went out as, or null when there was nothing to send.</summary>
    private async Task<string?> SendOneAsync(object e, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case TelemetryUpdated t:
                await hub.Clients.Groups([PlantHub.EquipmentGroup(t.EquipmentCode), PlantHub.LineGroup(t.LineCode)])
                    .SendAsync(nameof(TelemetryUpdated), t, cancellationToken);
                return nameof(TelemetryUpdated);
            case EquipmentStateChanged s:
                await hub.Clients.All.SendAsync(nameof(EquipmentStateChanged), s, cancellationToken);
                return nameof(EquipmentStateChanged);
            case AlertRaised a:
                await hub.Clients.All.SendAsync(nameof(AlertRaised), a, cancellationToken);
                return nameof(AlertRaised);
            case AlertAcknowledged a:
                await hub.Clients.All.SendAsync(nameof(AlertAcknowledged), a, cancellationToken);
                return nameof(AlertAcknowledged);
            case AlertCleared c:
                await hub.Clients.All.SendAsync(nameof(AlertCleared), c, cancellationToken);
                return nameof(AlertCleared);
            case BatchToAnnounce b when await records.BatchAsync(b.Number, cancellationToken) is { } batch:
                await hub.Clients.All.SendAsync(nameof(BatchStateChanged), batch, cancellationToken);
                return nameof(BatchStateChanged);
            case ExceptionToAnnounce q when await records.QualityExceptionAsync(q.Number, cancellationToken) is { } exception:
                await hub.Clients.All.SendAsync(nameof(QualityExceptionChanged), exception, cancellationToken);
                return nameof(QualityExceptionChanged);
            default:
                return null;
        }
    }

    private sealed record BatchToAnnounce(string Number);

    private sealed record ExceptionToAnnounce(string Number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a live event to hub clients failed: {Error}")]
    private partial void LogSendFailed(string error);
}
