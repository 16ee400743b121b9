using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// A device that must not lose data, as a plain MQTTnet 5 client: publishes messages numbered
/// 0..count-1 with QoS 1, a window at a time, and keeps every message until the broker has
/// acknowledged it (PUBACK). When the connection is lost it reconnects and sends again each
/// message it got no PUBACK for, so a repeat may reach the MES twice (harmless there).
/// </summary>
public sealed class NumberedPublisher(int port) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options = new MqttClientOptionsBuilder()
        .WithTcpServer(LiveMesHost.BrokerHost, port)
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .WithClientId("publisher-" + Guid.NewGuid().ToString("N")[..12])
        .WithTimeout(TimeSpan.FromSeconds(5))
        .Build();
    private readonly ConcurrentDictionary<int, DateTime> _acknowledged = new();
    private readonly ConcurrentQueue<(int Number, MqttClientPublishReasonCode Reason)> _refused = new();
    private int _resent;
    private int _reconnects;

    /// <summary>The numbers the broker acknowledged with Success.</summary>
    public IReadOnlyList<int> Acknowledged => [.. _acknowledged.Keys.Order()];
    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>The numbers whose PUBACK arrived after <paramref name="from"/> and before <paramref name="to"/> (system clock, UTC).</summary>
    public IReadOnlyList<int> AcknowledgedBetween(DateTime from, DateTime to) =>
        [.. _acknowledged.Where(a => a.Value > from && a.Value < to).Select(a => a.Key).Order()];

    /// <summary>Messages the broker answered with something other than Success (e.g. no matching subscribers): not sent again.</summary>
    public IReadOnlyList<(int Number, MqttClientPublishReasonCode Reason)> Refused => [.. _refused];

    /// <summary>Sends that got no PUBACK and went into the queue again.</summary>
    public int Resent => _resent;

    /// <summary>Connections made after the first one.</summary>
    public int Reconnects => _reconnects;

    /// <param name="message">The topic and JSON payload of message n; the same for every send of n.</param>
    /// <param name="inFlight">
    /// Messages sent before waiting for all their PUBACKs. Mosquitto does not set TCP_NODELAY by default
    /// (set_tcp_nodelay false): with more than one, Nagle's algorithm holds a window's last PUBACK until
    /// the delayed TCP ACK, ~50 ms a window here (2,000 messages 10 at a time: 9.8 s; one at a time: 0.1 s).
    /// </param>
    /// <param name="perSecond">At most this many messages a second, like devices that report periodically; unpaced when null.</param>
    /// <param name="afterWindow">Called after each window with the count acknowledged so far; the next window waits for it.</param>
    /// <param name="giveUpAfter">Throws when not everything is acknowledged by then (the broker never came back).</param>
    public async Task PublishAsync(int count, Func<int, (string Topic, string Json)> message, int inFlight = 1,
        int? perSecond = null, Func<int, Task>? afterWindow = null, TimeSpan? giveUpAfter = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0;
        using var giveUp = new CancellationTokenSource(giveUpAfter ?? TimeSpan.FromSeconds(60));
        var pending = new Queue<int>(Enumerable.Range(0, count));
        var connections = 0;
        while (pending.Count > 0)
        {
            if (!_client.IsConnected)
            {
                await ConnectAsync(giveUp.Token);
                if (connections++ > 0)
                    Interlocked.Increment(ref _reconnects);
            }
            var window = new List<int>(inFlight);
            while (window.Count < inFlight && pending.TryDequeue(out var next))
                window.Add(next);
            // A PUBACK that does not come within the timeout counts as not received: sent again.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(giveUp.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var sends = window.Select(n => (Number: n, Send: SendAsync(message(n), timeout.Token))).ToList();
            sent += window.Count;
            foreach (var (number, send) in sends)
            {
                try
                {
                    var result = await send;
                    if (result.ReasonCode == MqttClientPublishReasonCode.Success)
                        _acknowledged.TryAdd(number, DateTime.UtcNow);
                    else
                        _refused.Enqueue((number, result.ReasonCode));
                }
                catch (Exception) when (!giveUp.IsCancellationRequested)
                {
                    pending.Enqueue(number);
                    Interlocked.Increment(ref _resent);
                }
            }
            if (afterWindow is not null)
                await afterWindow(_acknowledged.Count);
            // Paced on the total, so that the coarse timer of Task.Delay averages out.
            if (perSecond is { } rate && TimeSpan.FromSeconds((double)sent / rate) - clock.Elapsed is { TotalMilliseconds: > 0 } ahead)
                await Task.Delay(ahead, giveUp.Token);
        }
    }

    // Async, so that a client that is not connected (it throws at once) fails this send, not the window.
    private async Task<MqttClientPublishResult> SendAsync((string Topic, string Json) message, CancellationToken cancellationToken) =>
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(Encoding.UTF8.GetBytes(message.Json))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    /// <summary>Tries again every 100 ms while the broker is down.</summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var result = await _client.ConnectAsync(_options, cancellationToken);
                if (result.ResultCode == MqttClientConnectResultCode.Success)
                    return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
                await _client.DisconnectAsync();
        }
        catch (Exception)
        {
            // The broker may be gone already.
        }
        _client.Dispose();
    }
}
