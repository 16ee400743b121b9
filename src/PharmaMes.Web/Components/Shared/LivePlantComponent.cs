using Microsoft.AspNetCore.Components;
using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Web.Components.Shared;

/// <summary>
/// A screen that follows the live plant. Events only mark it stale; it re-renders at most a few
/// times a second, however fast data arrives (a dashboard does not need 1,000 renders a second).
/// </summary>
public abstract class LivePlantComponent : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _liveSubscriptions = [];
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(400);
    private Timer? _timer;
    private volatile bool _stale;

    [Inject]
    protected LiveEvents Notifier { get; set; } = default!;

    [Inject]
    protected LivePlant Live { get; set; } = default!;

    /// <summary>Whether an event concerns this screen.</summary>
    protected virtual bool Concerns(TelemetryUpdated update) => true;
    protected virtual bool Concerns(EquipmentStateChanged change) => true;

    /// <summary>Called (on the render thread) before a re-render caused by live events.</summary>
    protected virtual Task OnLiveChangeAsync() => Task.CompletedTask;

    protected override void OnInitialized()
    {
        _liveSubscriptions.Add(Notifier.Subscribe<PharmaMes.Infrastructure.Live.TelemetryUpdated>(OnTelemetry));
        _liveSubscriptions.Add(Notifier.Subscribe<PharmaMes.Infrastructure.Live.EquipmentStateChanged>(OnState));
        _liveSubscriptions.Add(Notifier.Subscribe<PharmaMes.Infrastructure.Live.AlertRaised>(OnAlert));
        _timer = new Timer(_ => Refresh(), null, RenderInterval, RenderInterval);
    }

    private void OnTelemetry(TelemetryUpdated update) { if (Concerns(update)) _stale = true; }
    private void OnState(EquipmentStateChanged change) { if (Concerns(change)) _stale = true; }
    private void OnAlert(AlertRaised alert) => _stale = true;

    /// <summary>Renders again at the next tick, for something the live events do not announce.</summary>
    protected void Invalidate() => _stale = true;

    private void Refresh()
    {
        if (!_stale)
            return;
        _stale = false;
        _ = InvokeAsync(async () =>
        {
            await OnLiveChangeAsync();
            StateHasChanged();
        });
    }

    public virtual void Dispose()
    {
        foreach (var subscription in _liveSubscriptions)
            subscription.Dispose();
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
