using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace PharmaMes.Infrastructure.Live;

/// <summary>
/// The one path of live events: what committed (<see cref="Persistence.CommittedChanges"/>) and what the plant is doing
/// (states, telemetry, alerts, stock), raised after the change is stored. Pages, the SignalR hub, the MQTT publishers and the
/// watchers subscribe here. On one node it is in-process; with a relay (Redis) every node also hears the other nodes' events.
/// A slow or failing subscriber never blocks the publisher: handlers must only queue work and return, and one that throws is
/// logged while the others still get the event.
/// </summary>
public sealed partial class LiveEvents(ILogger<LiveEvents> logger)
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<Type, ImmutableArray<Subscription>> _subscriptions = ImmutableDictionary<Type, ImmutableArray<Subscription>>.Empty;
    private ILiveEventRelay? _relay;

    /// <summary>Raises the event on this node and hands it to the relay for the others.</summary>
    public void Publish<T>(T liveEvent) where T : class
    {
        if (liveEvent is Persistence.CommittedChanges { IsEmpty: true })
            return;
        Deliver(liveEvent, fromThisNode: true);
        _relay?.Send(liveEvent);
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every <typeparamref name="T"/> event, from every node or from this node only
    /// (<see cref="LiveEventScope"/>), until the returned subscription is disposed.
    /// </summary>
    public IDisposable Subscribe<T>(Action<T> handler, LiveEventScope scope = LiveEventScope.AllNodes) where T : class
    {
        var subscription = new Subscription(this, typeof(T), e => handler((T)e), scope,
            handler.Method.DeclaringType?.FullName ?? handler.Method.Name);
        lock (_gate)
            _subscriptions = _subscriptions.SetItem(typeof(T), _subscriptions.GetValueOrDefault(typeof(T), []).Add(subscription));
        return subscription;
    }

    /// <summary>The relay that carries events between nodes; there is at most one.</summary>
    internal void Attach(ILiveEventRelay relay) => _relay = relay;

    /// <summary>An event another node published, received through the relay.</summary>
    internal void DeliverFromAnotherNode(object liveEvent) => Deliver(liveEvent, fromThisNode: false);

    private void Deliver(object liveEvent, bool fromThisNode)
    {
        if (!_subscriptions.TryGetValue(liveEvent.GetType(), out var subscriptions))
            return;
        foreach (var subscription in subscriptions)
        {
            if (subscription.Scope == (fromThisNode ? LiveEventScope.OtherNodes : LiveEventScope.ThisNode))
                continue;
            try
            {
                subscription.Handler(liveEvent);
            }
            catch (Exception ex)
            {
                // One broken screen must not stop the others, nor the pipeline; it is said, not hidden.
                LogSubscriberFailed(ex, liveEvent.GetType().Name, subscription.Name);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(subscription.Type, out var list))
                return;
            list = list.Remove(subscription);
            _subscriptions = list.IsEmpty ? _subscriptions.Remove(subscription.Type) : _subscriptions.SetItem(subscription.Type, list);
        }
    }

    private sealed class Subscription(LiveEvents owner, Type type, Action<object> handler, LiveEventScope scope, string name) : IDisposable
    {
        public Type Type => type;
        public Action<object> Handler => handler;
        public LiveEventScope Scope => scope;
        public string Name => name;

        public void Dispose() => owner.Remove(this);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to {Event} ({Subscriber}) failed; the others got the event")]
    private partial void LogSubscriberFailed(Exception exception, string @event, string subscriber);
}
