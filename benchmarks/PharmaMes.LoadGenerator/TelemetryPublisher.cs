using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace PharmaMes.LoadGenerator;

/// <summary>
/// Publishes contract-conformant telemetry (<c>{root}/{site}/{area}/{line}/{equipment}/telemetry</c>)
/// round-robin over the equipment at a given total rate, and reports what the broker acknowledged.
/// One instance is one run; usable from tests and benchmarks without the command line.
/// </summary>
public sealed class TelemetryPublisher
{
    private readonly PublisherOptions _options;

    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public TelemetryPublisher(PublisherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public PublisherOptions Options => _options;

    /// <summary>The topics this run publishes to, in round-robin order.</summary>
    public IReadOnlyList<string> Topics =>
        _options.ResolveEquipment().Select(e => e.TelemetryTopic(_options.TopicRoot, _options.Site)).ToArray();

    /// <summary>
    /// Connects, publishes until the message count or duration is reached (or the token is
    /// cancelled), waits for outstanding acknowledgements and disconnects.
    /// Cancellation stops issuing publishes and still returns the figures so far.
    /// </summary>
    /// <exception cref="InvalidOperationException">The broker refused the connection.</exception>
    /// <exception cref="MQTTnet.Exceptions.MqttCommunicationException">The broker could not be reached.</exception>
    public async Task<PublishResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var topics = Topics;
        var tags = _options.ResolveTagNames();
        var random = _options.Seed is { } seed ? new Random(seed) : new Random();
        var signals = CreateSignals(topics.Count, tags.Count);
        var lastTimestamps = new DateTime[signals.GetLength(0)];
        var payloads = new TelemetryPayloadWriter(tags);
        var values = new double[tags.Count];
        var qos = _options.QualityOfService == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;
        var limit = _options.EffectiveTotalMessages ?? long.MaxValue;
        var duration = _options.Duration ?? TimeSpan.MaxValue;

        using var client = new MqttClientFactory().CreateMqttClient();
        await BrokerConnection.ConnectAsync(client, _options, cancellationToken);

        // Publishes get their own token: cancelling the run stops new publishes, but the ones in
        // flight may still be acknowledged and are counted; this one aborts them only after the drain timeout.
        using var abortInFlight = new CancellationTokenSource();
        var tracker = new PublishTracker(_options.MaxInFlight, countAcknowledgements: qos == MqttQualityOfServiceLevel.AtLeastOnce);
        var clock = Stopwatch.StartNew();
        var pacer = new RatePacer(_options.MessagesPerSecond, clock);
        long sent = 0;
        var cancelled = false;
        string? stopReason = null;
        try
        {
            while (sent < limit && clock.Elapsed < duration)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
                if (!client.IsConnected)
                {
                    stopReason = "connection to the broker lost";
                    break;
                }
                if (sent >= pacer.Due())
                {
                    await pacer.WaitForNextAsync(sent, cancellationToken);
                    continue;
                }

                await tracker.EnterAsync(cancellationToken);
                var equipment = (int)(sent % topics.Count);
                for (var t = 0; t < values.Length; t++)
                    values[t] = signals[equipment, t].Next(random);
                sent++;
                // A device samples each reading at its own instant: the contract's millisecond
                // timestamps of one equipment never repeat (the MES keeps one value per tag and instant).
                var now = DateTime.UtcNow;
                now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
                if (now <= lastTimestamps[equipment])
                    now = lastTimestamps[equipment].AddMilliseconds(1);
                lastTimestamps[equipment] = now;
                var payload = payloads.Write(now, values, _options.WithSequence ? sent : null);
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(topics[equipment])
                    .WithPayload(payload)
                    .WithQualityOfServiceLevel(qos)
                    .Build();
                try
                {
                    tracker.Track(client.PublishAsync(message, abortInFlight.Token));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // PublishAsync can throw before returning a task (e.g. not connected).
                    tracker.FailBeforeStart(ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        var publishElapsed = clock.Elapsed;
        if (!await tracker.DrainAsync(_options.DrainTimeout))
        {
            await abortInFlight.CancelAsync();
            await tracker.DrainAsync(TimeSpan.FromSeconds(5));
            tracker.FailOutstanding($"no acknowledgement within {_options.DrainTimeout.TotalSeconds:0.#} s");
        }
        var elapsed = clock.Elapsed;
        await BrokerConnection.DisconnectQuietlyAsync(client);

        return new PublishResult(
            Sent: sent,
            Acknowledged: tracker.Acknowledged,
            Failed: tracker.Failed,
            NoMatchingSubscribers: tracker.NoMatchingSubscribers,
            PublishElapsed: publishElapsed,
            Elapsed: elapsed,
            MessagesPerSecond: Rate(sent, publishElapsed),
            AcknowledgedPerSecond: Rate(tracker.Acknowledged, elapsed),
            Cancelled: cancelled,
            FirstError: tracker.FirstError ?? stopReason);
    }

    private static double Rate(long count, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;

    // Each equipment/tag pair gets its own target so values differ across the plant (v1 ~ 10, v2 ~ 20, ...).
    private static TagSignal[,] CreateSignals(int equipmentCount, int tagCount)
    {
        var signals = new TagSignal[equipmentCount, tagCount];
        for (var e = 0; e < equipmentCount; e++)
        {
            for (var t = 0; t < tagCount; t++)
                signals[e, t] = new TagSignal(10.0 * (t + 1) + (e % 10) * 0.5);
        }
        return signals;
    }
}
