namespace PharmaMes.Infrastructure.Messaging;

/// <summary>Counters of the embedded broker that engineers see on the ingest page.</summary>
public sealed class BrokerMetrics
{
    private long _refusedConnections;
    private long _refusedPublishes;
    private long _droppedMessages;
    private long _refusedSubscriptions;

    public long RefusedConnections => Interlocked.Read(ref _refusedConnections);
    public long RefusedPublishes => Interlocked.Read(ref _refusedPublishes);
    public long RefusedSubscriptions => Interlocked.Read(ref _refusedSubscriptions);
    /// <summary>Messages the broker could not queue for a slow subscriber. Should stay 0.</summary>
    public long DroppedMessages => Interlocked.Read(ref _droppedMessages);

    internal void ConnectionRefused() => Interlocked.Increment(ref _refusedConnections);
    internal void PublishRefused() => Interlocked.Increment(ref _refusedPublishes);
    internal void SubscriptionRefused() => Interlocked.Increment(ref _refusedSubscriptions);
    internal void MessageDropped() => Interlocked.Increment(ref _droppedMessages);
}
