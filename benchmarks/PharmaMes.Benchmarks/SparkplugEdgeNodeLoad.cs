using System.Buffers;
using System.Diagnostics;
using System.Text;
using Google.Protobuf;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PharmaMes.Infrastructure.Sparkplug;
using PharmaMes.Infrastructure.Sparkplug.Protocol;

namespace PharmaMes.Benchmarks;

/// <summary>
/// One Sparkplug B 3.0 edge node where the MES maps it: group PLANT1 (the benchmark site), edge
/// node OSD-L1 (its line) and a device per equipment (LOAD-001...), each with ten Double metrics
/// v1..v10 (its tags) aliased 1..10. It publishes NBIRTH (bdSeq, Node Control/Rebirth), a DBIRTH
/// per device with every metric's name, alias, type and value, then DDATA round-robin over the
/// devices with the ten metrics by alias, everything QoS 0 as the specification says and seq 0-255
/// wrapping across the node's messages. QoS 0 has no acknowledgement to pace a publisher: it keeps
/// at most a window of DDATA ahead of what the receiver has taken, so that the broker never holds
/// more than the window for it (and has no reason to drop any).
/// </summary>
internal sealed class SparkplugEdgeNodeLoad : IAsyncDisposable
{
    public const string Group = "PLANT1";
    public const string EdgeNode = "OSD-L1";
    public const int MetricsPerDevice = 10;

    /// <summary>A receiver that has taken nothing for this long has lost what it waits for: publishing goes on.</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromSeconds(10);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string[] _devices;
    private readonly string[] _dataTopics;
    private readonly long[] _lastTimestamps;
    private readonly TaskCompletionSource _hostOnline = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ulong _seq;

    public SparkplugEdgeNodeLoad(int devices)
    {
        _devices = Enumerable.Range(1, devices).Select(i => $"LOAD-{i:000}").ToArray();
        _dataTopics = _devices.Select(d => Topic("DDATA", d)).ToArray();
        _lastTimestamps = new long[devices];
    }

    /// <summary>Times the publisher went on after <see cref="Stall"/> without the receiver taking anything.</summary>
    public int Stalls { get; private set; }

    public async Task ConnectAsync(int port, string? username = null, string? password = null)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("bench-edge-node-" + Guid.NewGuid().ToString("N")[..6])
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15));
        if (username is not null)
            options = options.WithCredentials(username, password);
        var connect = options.Build();
        // The NDEATH the broker sends if the connection drops: QoS 1, not retained, the bdSeq of the NBIRTH to come.
        var death = new SparkplugPayload { Timestamp = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        death.Metrics.Add(BdSeq());
        connect.WillTopic = Topic("NDEATH", null);
        connect.WillPayload = death.ToByteArray();
        connect.WillQualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic.StartsWith($"{SparkplugTopic.Namespace}/STATE/", StringComparison.Ordinal)
                && Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()).Contains("\"online\":true", StringComparison.Ordinal))
                _hostOnline.TrySetResult();
            return Task.CompletedTask;
        };
        var result = await _client.ConnectAsync(connect);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"The broker refused the edge node: {result.ResultCode} {result.ReasonString}");
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic($"{SparkplugTopic.Namespace}/STATE/+").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
    }

    /// <summary>An edge node publishes its births once the host it serves says it is online (its STATE).</summary>
    public async Task WaitForHostAsync(TimeSpan timeout)
    {
        try
        {
            await _hostOnline.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No Sparkplug host said it was online within {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>NBIRTH then a DBIRTH per device; returns the births' time (every DDATA is later).</summary>
    public async Task<DateTimeOffset> BirthAsync()
    {
        var at = DateTimeOffset.UtcNow;
        var ms = (ulong)at.ToUnixTimeMilliseconds();
        _seq = 0;
        var node = new SparkplugPayload { Timestamp = ms, Seq = NextSeq() };
        node.Metrics.Add(BdSeq());
        node.Metrics.Add(new SparkplugMetric { Name = "Node Control/Rebirth", Datatype = (uint)SparkplugDataType.Boolean, BooleanValue = false });
        await PublishAsync(Topic("NBIRTH", null), node);
        for (var d = 0; d < _devices.Length; d++)
        {
            var device = new SparkplugPayload { Timestamp = ms, Seq = NextSeq() };
            for (var k = 1; k <= MetricsPerDevice; k++)
                device.Metrics.Add(new SparkplugMetric { Name = $"v{k}", Alias = (ulong)k, Datatype = (uint)SparkplugDataType.Double, DoubleValue = Value(d, k, 0) });
            await PublishAsync(Topic("DBIRTH", _devices[d]), device);
            _lastTimestamps[d] = (long)ms;
        }
        return DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
    }

    /// <summary>
    /// <paramref name="messages"/> DDATA round-robin over the devices, each at most <paramref name="window"/>
    /// ahead of <paramref name="taken"/> (the DDATA the receiver has taken so far). Returns how many were sent.
    /// </summary>
    public async Task<long> PublishDataAsync(long messages, int window, Func<long> taken)
    {
        long sent = 0;
        for (long i = 0; i < messages; i++)
        {
            if (sent - taken() >= window)
                await WaitForRoomAsync(sent, window, taken);
            var d = (int)(i % _devices.Length);
            // A sample is keyed by its channel and time: a device's readings are at least 1 ms apart.
            var ms = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastTimestamps[d] + 1);
            _lastTimestamps[d] = ms;
            var payload = new SparkplugPayload { Timestamp = (ulong)ms, Seq = NextSeq() };
            for (var k = 1; k <= MetricsPerDevice; k++)
                payload.Metrics.Add(new SparkplugMetric { Alias = (ulong)k, DoubleValue = Value(d, k, i + 1) });
            await PublishAsync(_dataTopics[d], payload);
            sent++;
        }
        return sent;
    }

    private async Task WaitForRoomAsync(long sent, int window, Func<long> taken)
    {
        var lastTaken = taken();
        var since = Stopwatch.GetTimestamp();
        while (sent - taken() >= window)
        {
            var now = taken();
            if (now != lastTaken)
            {
                lastTaken = now;
                since = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(since) > Stall)
            {
                Stalls++;
                return;
            }
            await Task.Delay(1);
        }
    }

    private Task PublishAsync(string topic, SparkplugPayload payload) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToByteArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build());

    private ulong NextSeq()
    {
        var seq = _seq;
        _seq = (_seq + 1) % 256;
        return seq;
    }

    private static SparkplugMetric BdSeq() =>
        new() { Name = SparkplugEdgeNode.BirthDeathSequence, Datatype = (uint)SparkplugDataType.Int64, LongValue = 0 };

    /// <summary>Inside every tag's normal range (0..1000): no excursions to record.</summary>
    private static double Value(int device, int metric, long message) => Math.Round(500 + 400 * Math.Sin(message * 0.01 + metric + device), 3);

    private static string Topic(string type, string? device) =>
        $"{SparkplugTopic.Namespace}/{Group}/{type}/{EdgeNode}" + (device is null ? "" : "/" + device);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build());
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
            }
        }
        _client.Dispose();
    }
}
