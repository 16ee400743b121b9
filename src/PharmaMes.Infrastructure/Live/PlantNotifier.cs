using Microsoft.Extensions.Logging;

namespace PharmaMes.Infrastructure.Live;

/// <summary>
/// The in-process fan-out of live plant events, raised after the change is committed. Blazor
/// circuits and the SignalR broadcaster subscribe; a slow or failing subscriber never blocks
/// the ingest pipeline (handlers must only queue work and return).
/// </summary>
public sealed partial class PlantNotifier(ILogger<PlantNotifier> logger)
{
    public event Action<EquipmentStateChanged>? EquipmentStateChanged;
    public event Action<TelemetryUpdated>? TelemetryUpdated;
    public event Action<AlertRaised>? AlertRaised;
    public event Action<AlertAcknowledged>? AlertAcknowledged;
    public event Action<AlertCleared>? AlertCleared;
    public event Action<EquipmentBatchChanged>? EquipmentBatchChanged;
    public event Action<InventoryChanged>? InventoryChanged;

    public void Publish(EquipmentStateChanged change) => Raise(EquipmentStateChanged, change);
    public void Publish(TelemetryUpdated update) => Raise(TelemetryUpdated, update);
    public void Publish(AlertRaised alert) => Raise(AlertRaised, alert);
    public void Publish(AlertAcknowledged acknowledgement) => Raise(AlertAcknowledged, acknowledgement);
    public void Publish(AlertCleared clearing) => Raise(AlertCleared, clearing);
    public void Publish(EquipmentBatchChanged change) => Raise(EquipmentBatchChanged, change);
    public void Publish(InventoryChanged change) => Raise(InventoryChanged, change);

    private void Raise<T>(Action<T>? handlers, T value)
    {
        if (handlers is null)
            return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(value);
            }
            catch (Exception ex)
            {
                // One broken screen must not stop the others, nor the pipeline; it is said, not hidden.
                LogSubscriberFailed(ex, typeof(T).Name, handler.Method.DeclaringType?.FullName ?? handler.Method.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to {Event} ({Subscriber}) failed; the others got the event")]
    private partial void LogSubscriberFailed(Exception exception, string @event, string subscriber);
}
