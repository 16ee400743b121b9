using System.Collections.Concurrent;
using System.Diagnostics;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>Ingest counters and rates for the ingest page and the benchmarks.</summary>
public sealed class IngestMetrics
{
    private long _received;
    private long _persisted;
    private long _quarantined;
    private long _batches;
    private long _failedBatches;
    private readonly ConcurrentDictionary<string, long> _quarantinedByReason = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private (double Seconds, long Received) _previous;
    private double _ratePerSecond;

    public long Received => Interlocked.Read(ref _received);
    /// <summary>Messages written and acknowledged (good ones as data, bad ones in quarantine).</summary>
    public long Persisted => Interlocked.Read(ref _persisted);
    public long Quarantined => Interlocked.Read(ref _quarantined);
    public long Batches => Interlocked.Read(ref _batches);
    public long FailedBatches => Interlocked.Read(ref _failedBatches);
    /// <summary>Quarantined messages by reason code (<see cref="QuarantineReason"/>); they add up to <see cref="Quarantined"/>.</summary>
    public IReadOnlyDictionary<string, long> QuarantinedByReason => _quarantinedByReason;
    public bool BrokerConnected { get; internal set; }
    public string? LastConnectionError { get; internal set; }
    public DateTimeOffset? ConnectedSince { get; internal set; }

    internal void MessageReceived() => Interlocked.Increment(ref _received);

    /// <summary>A message set aside outside a batch (a Sparkplug message the host could not place).</summary>
    internal void MessageQuarantined(string reasonCode)
    {
        Interlocked.Increment(ref _quarantined);
        _quarantinedByReason.AddOrUpdate(reasonCode, 1, (_, count) => count + 1);
    }

    internal void BatchPersisted(int messages, IReadOnlyDictionary<string, int> quarantinedByReason)
    {
        Interlocked.Add(ref _persisted, messages);
        foreach (var (reason, count) in quarantinedByReason)
        {
            Interlocked.Add(ref _quarantined, count);
            _quarantinedByReason.AddOrUpdate(reason, count, (_, total) => total + count);
        }
        Interlocked.Increment(ref _batches);
    }

    /// <summary>Why the last attempt at storing failed, while nothing has been stored since; null when storing works.</summary>
    public string? StoreError { get; private set; }
    public DateTimeOffset? StoreFailingSince { get; private set; }

    internal void BatchFailed(string error)
    {
        Interlocked.Increment(ref _failedBatches);
        StoreFailingSince ??= DateTimeOffset.UtcNow;
        StoreError = error;
    }

    internal void BatchStored()
    {
        StoreError = null;
        StoreFailingSince = null;
    }

    /// <summary>Received messages per second since the previous call (at most once a second is meaningful).</summary>
    public double ReceivedPerSecond()
    {
        lock (_clock)
        {
            var now = _clock.Elapsed.TotalSeconds;
            var received = Received;
            if (now - _previous.Seconds >= 1)
            {
                _ratePerSecond = (received - _previous.Received) / (now - _previous.Seconds);
                _previous = (now, received);
            }
            return _ratePerSecond;
        }
    }
}
