using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Web.Hubs;

/// <summary>
/// Forwards live plant events to hub clients. The notifier's handlers only queue (the ingest
/// pipeline never waits for a network client); this service sends from the queue.
/// </summary>
public sealed partial class PlantHubBroadcaster(PlantNotifier notifier, IHubContext<PlantHub> hub, ILogger<PlantHubBroadcaster> logger) : BackgroundService
{
    // Live telemetry may be coalesced under overload (the database has every sample); state
    // changes and alerts are few and always sent.
    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(20_000) { FullMode = BoundedChannelFullMode.DropOldest });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void Queue(object e) => _queue.Writer.TryWrite(e);
        Action<TelemetryUpdated> onTelemetry = Queue;
        Action<EquipmentStateChanged> onState = Queue;
        Action<AlertRaised> onAlert = Queue;
        notifier.TelemetryUpdated += onTelemetry;
        notifier.EquipmentStateChanged += onState;
        notifier.AlertRaised += onAlert;
        try
        {
            await foreach (var e in _queue.Reader.ReadAllAsync(stoppingToken))
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
        finally
        {
            notifier.TelemetryUpdated -= onTelemetry;
            notifier.EquipmentStateChanged -= onState;
            notifier.AlertRaised -= onAlert;
        }
    }

    private Task SendAsync(object e, CancellationToken cancellationToken) => e switch
    {
        TelemetryUpdated t => hub.Clients.Groups([PlantHub.EquipmentGroup(t.EquipmentCode), PlantHub.LineGroup(t.LineCode)])
            .SendAsync(nameof(TelemetryUpdated), t, cancellationToken),
        EquipmentStateChanged s => hub.Clients.All.SendAsync(nameof(EquipmentStateChanged), s, cancellationToken),
        AlertRaised a => hub.Clients.All.SendAsync(nameof(AlertRaised), a, cancellationToken),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a live event to hub clients failed: {Error}")]
    private partial void LogSendFailed(string error);
}
