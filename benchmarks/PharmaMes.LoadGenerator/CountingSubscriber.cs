using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace PharmaMes.LoadGenerator;

/// <summary>
/// The "bare subscriber" baseline: an MQTT 5 client that only counts what it receives and lets
/// MQTTnet acknowledge each message as soon as the handler returns. Whatever the MES ingest
/// achieves is compared against this. With sequence numbers in the payloads it tells
/// duplicates from losses.
/// </summary>
/// <example>
/// <code>
/// await using var subscriber = new CountingSubscriber(new SubscriberOptions { Port = port, ExpectedMessages = 20_000 });
/// await subscriber.StartAsync(ct);            // subscribed: now start the publisher
/// var result = await subscriber.WaitAsync(ct);
/// </code>
/// </example>
public sealed class CountingSubscriber : IAsyncDisposable
{
    private readonly SubscriberOptions _options;
    private readonly IMqttClient _client;
    private readonly SequenceTracker _sequences = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _expectedReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _received;
    private long _withSequence;
    private long _outOfOrder;
    private long _firstTimestamp;
    private long _lastTimestamp;
    private DateTimeOffset? _firstReceivedAt;
    private long _subscribedTimestamp;
    private bool _timedOut;

    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public CountingSubscriber(SubscriberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            OnMessage(e.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    public SubscriberOptions Options => _options;

    public string TopicFilter => _options.ResolveTopicFilter();

    /// <summary>Messages received so far (duplicates included); safe to read while running.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>
    /// Connects and subscribes. When it returns the subscription is in place, so a publisher
    /// started afterwards loses nothing to a late subscribe. The timeout starts now.
    /// </summary>
    /// <exception cref="InvalidOperationException">The broker refused the connection or the subscription.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await BrokerConnection.ConnectAsync(_client, _options, cancellationToken);
        var qos = _options.QualityOfService == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(TopicFilter).WithQualityOfServiceLevel(qos))
            .Build();
        var result = await _client.SubscribeAsync(subscription, cancellationToken);
        var granted = result.Items.Single().ResultCode;
        // A downgraded grant would silently turn a loss test into a QoS 0 test.
        var expected = qos == MqttQualityOfServiceLevel.AtLeastOnce ? MqttClientSubscribeResultCode.GrantedQoS1 : MqttClientSubscribeResultCode.GrantedQoS0;
        if (granted != expected && granted != MqttClientSubscribeResultCode.GrantedQoS2)
            throw new InvalidOperationException($"The broker did not grant {TopicFilter} at QoS {_options.QualityOfService}: {granted}");
        Volatile.Write(ref _subscribedTimestamp, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// Waits until the expected count is reached, the timeout (counted from <see cref="StartAsync"/>)
    /// passes or the token is cancelled, then disconnects and returns the final figures.
    /// </summary>
    public async Task<SubscribeResult> WaitAsync(CancellationToken cancellationToken = default)
    {
        var subscribedAt = Volatile.Read(ref _subscribedTimestamp);
        if (subscribedAt == 0)
            throw new InvalidOperationException("Call StartAsync first.");
        var remaining = _options.Timeout - Stopwatch.GetElapsedTime(subscribedAt);
        try
        {
            if (remaining > TimeSpan.Zero)
                await _expectedReached.Task.WaitAsync(remaining, cancellationToken);
            else if (!_expectedReached.Task.IsCompleted)
                _timedOut = true;
        }
        catch (TimeoutException)
        {
            _timedOut = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await BrokerConnection.DisconnectQuietlyAsync(_client);
        return Snapshot();
    }

    /// <summary><see cref="StartAsync"/> then <see cref="WaitAsync"/>.</summary>
    public async Task<SubscribeResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        return await WaitAsync(cancellationToken);
    }

    /// <summary>The figures so far; callable while running.</summary>
    public SubscribeResult Snapshot()
    {
        lock (_gate)
        {
            var received = _received;
            var withoutSequence = received - _withSequence;
            long lost;
            if (_options.ExpectedMessages is { } expectedCount)
            {
                lost = _withSequence > 0
                    ? _sequences.CountMissing(expectedCount)
                    : Math.Max(0, expectedCount - received);
            }
            else
            {
                lost = _sequences.CountMissing(_sequences.Highest);
            }
            var span = received > 1 ? Stopwatch.GetElapsedTime(_firstTimestamp, _lastTimestamp) : TimeSpan.Zero;
            return new SubscribeResult(
                Received: received,
                WithSequence: _withSequence,
                Distinct: _sequences.Distinct,
                Duplicates: _withSequence - _sequences.Distinct,
                OutOfOrder: _outOfOrder,
                MaxSequence: _sequences.Highest,
                Lost: lost,
                FirstReceivedAt: _firstReceivedAt,
                LastReceivedAt: _firstReceivedAt + span,
                // n messages span n-1 intervals between the first and the last.
                MessagesPerSecond: span > TimeSpan.Zero ? (received - 1) / span.TotalSeconds : 0,
                Completed: _expectedReached.Task.IsCompleted,
                TimedOut: _timedOut && !_expectedReached.Task.IsCompleted);
        }
    }

    // MQTTnet calls this one message at a time; the lock only guards against Snapshot readers.
    private void OnMessage(MqttApplicationMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        var hasSequence = SequenceReader.TryRead(message.Payload, out var sequence)
            && sequence is >= 1 and <= SequenceTracker.MaxSequence;
        bool reached;
        lock (_gate)
        {
            if (_received == 0)
            {
                _firstTimestamp = now;
                _firstReceivedAt = DateTimeOffset.UtcNow;
            }
            _lastTimestamp = now;
            _received++;
            if (hasSequence)
            {
                _withSequence++;
                var highestBefore = _sequences.Highest;
                if (_sequences.Add(sequence) && sequence < highestBefore)
                    _outOfOrder++;
            }
            // Duplicates do not bring a run closer to completion; messages without a sequence can only be counted.
            var counted = _sequences.Distinct + (_received - _withSequence);
            reached = _options.ExpectedMessages is { } expected && counted >= expected;
        }
        if (reached)
            _expectedReached.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await BrokerConnection.DisconnectQuietlyAsync(_client);
        _client.Dispose();
    }
}
