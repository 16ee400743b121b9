using System.Collections.Concurrent;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>Counters of the embedded broker that engineers see on the ingest page.</summary>
public sealed class BrokerMetrics
{
    /// <summary>Refusals kept for the ingest page; older ones are in the log.</summary>
    public const int RefusalsKept = 50;

    private readonly ConcurrentQueue<BrokerRefusal> _refusals = new();
    private readonly ConcurrentDictionary<string, long> _refusalsByReason = new();
    private long _assignedClientIds;
    private long _refusedConnections;
    private long _refusedPublishes;
    private long _droppedMessages;
    private long _refusedSubscriptions;

    public long RefusedConnections => Interlocked.Read(ref _refusedConnections);
    public long RefusedPublishes => Interlocked.Read(ref _refusedPublishes);
    public long RefusedSubscriptions => Interlocked.Read(ref _refusedSubscriptions);
    /// <summary>Messages the broker could not queue for a slow subscriber. Should stay 0.</summary>
    public long DroppedMessages => Interlocked.Read(ref _droppedMessages);

    /// <summary>Clients that connected without a client id and were given one.</summary>
    public long AssignedClientIds => Interlocked.Read(ref _assignedClientIds);

    /// <summary>The latest refused connections, newest first.</summary>
    public IReadOnlyList<BrokerRefusal> LatestRefusals => _refusals.Reverse().ToList();

    /// <summary>Refused connections since start, by reason.</summary>
    public IReadOnlyDictionary<string, long> RefusalsByReason => new Dictionary<string, long>(_refusalsByReason);

    internal void ConnectionRefused(BrokerRefusal refusal)
    {
        Interlocked.Increment(ref _refusedConnections);
        _refusalsByReason.AddOrUpdate(refusal.Reason, 1, (_, n) => n + 1);
        _refusals.Enqueue(refusal);
        while (_refusals.Count > RefusalsKept)
            _refusals.TryDequeue(out _);
    }

    internal void ClientIdAssigned() => Interlocked.Increment(ref _assignedClientIds);
    internal void PublishRefused() => Interlocked.Increment(ref _refusedPublishes);
    internal void SubscriptionRefused() => Interlocked.Increment(ref _refusedSubscriptions);
    internal void MessageDropped() => Interlocked.Increment(ref _droppedMessages);
}
