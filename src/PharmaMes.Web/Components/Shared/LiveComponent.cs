using Microsoft.AspNetCore.Components;
using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Web.Components.Shared;

/// <summary>
/// The one way a screen follows live events. A screen names the events it follows (<see cref="Follow{T}"/>); an event that
/// concerns it only marks it stale, and it refreshes (<see cref="OnLiveChangeAsync"/>, then a render) at most once per
/// <see cref="RefreshInterval"/>, however fast events arrive, and only while <see cref="CanRefresh"/> (not under an open
/// dialog, say: it stays stale and refreshes when the dialog closes). Subscriptions end with the screen.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private Timer? _timer;
    private volatile bool _stale;
    private int _disposed;

    [Inject]
    protected LiveEvents Events { get; set; } = default!;

    /// <summary>The shortest time between two refreshes caused by events.</summary>
    protected virtual TimeSpan RefreshInterval => TimeSpan.FromMilliseconds(400);

    /// <summary>Whether the screen may refresh now; when not, it refreshes at the first tick it may.</summary>
    protected virtual bool CanRefresh => true;

    /// <summary>Reads again what the events changed (on the render thread), before the render.</summary>
    protected virtual Task OnLiveChangeAsync() => Task.CompletedTask;

    /// <summary>Follows the events of <typeparamref name="T"/> from every node that <paramref name="concerns"/> this screen.</summary>
    protected void Follow<T>(Func<T, bool>? concerns = null) where T : class
    {
        _subscriptions.Add(Events.Subscribe<T>(e =>
        {
            if (concerns is null || concerns(e))
                Invalidate();
        }));
        _timer ??= new Timer(_ => Tick(), null, RefreshInterval, RefreshInterval);
    }

    /// <summary>Refreshes at the next tick, for something the live events do not announce.</summary>
    protected void Invalidate() => _stale = true;

    private void Tick()
    {
        if (!_stale || Volatile.Read(ref _disposed) == 1)
            return;
        _ = InvokeAsync(async () =>
        {
            // Checked on the render thread, where the screen's own state (an open dialog) is consistent.
            if (!_stale || !CanRefresh || Volatile.Read(ref _disposed) == 1)
                return;
            _stale = false;
            await OnLiveChangeAsync();
            StateHasChanged();
        });
    }

    public virtual void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        foreach (var subscription in _subscriptions)
            subscription.Dispose();
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
