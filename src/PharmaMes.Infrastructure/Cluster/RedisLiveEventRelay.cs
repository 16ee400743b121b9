using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;
using StackExchange.Redis;

namespace PharmaMes.Infrastructure.Cluster;

/// <summary>
/// Carries live events between nodes over Redis pub/sub, so that every node's screens follow the whole plant whichever node
/// ingested or committed it. Events go out in batches (one Redis message per batch, not per event); a node ignores its own.
/// Under overload the oldest telemetry updates are dropped (the database has every sample); other events never are.
/// Redis pub/sub delivers at most once: an event sent while Redis is away is lost to the other nodes (logged), and their
/// screens catch up at their next read. The database stays the truth.
/// </summary>
internal sealed partial class RedisLiveEventRelay(LiveEvents events, RedisConnection redis, NodeInstance instance,
    ILogger<RedisLiveEventRelay> logger)
    : BackgroundService, ILiveEventRelay
{
    private const int MaxBatch = 500;

    // Only these cross nodes, by a fixed name, never by a type name read from the wire.
    private static readonly FrozenDictionary<string, Type> Relayed = new[]
    {
        typeof(CommittedChanges), typeof(EquipmentStateChanged), typeof(TelemetryUpdated), typeof(AlertRaised), typeof(AlertAcknowledged),
        typeof(AlertCleared), typeof(EquipmentBatchChanged), typeof(InventoryChanged), typeof(PlanChanged),
    }.ToFrozenDictionary(t => t.Name);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(), new ReadOnlySetJsonConverter() } };

    private readonly string _node = instance.Id;
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<object> _telemetry = Channel.CreateBounded<object>(
        new BoundedChannelOptions(50_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    // Wakes the sender: one pending signal at most, whichever queue got the event.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private bool _failing;

    /// <summary>How many events this node sent and received through Redis.</summary>
    public long Sent => Interlocked.Read(ref _sent);
    public long Received => Interlocked.Read(ref _received);
    private long _sent;
    private long _received;

    public void Send(object liveEvent)
    {
        if (!Relayed.ContainsKey(liveEvent.GetType().Name))
            return;
        (liveEvent is TelemetryUpdated ? _telemetry : _events).Writer.TryWrite(liveEvent);
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var multiplexer = await redis.GetAsync();
        var channel = RedisChannel.Literal(redis.Options.LiveEventsChannel);
        var queue = await multiplexer.GetSubscriber().SubscribeAsync(channel);
        // Sequential: a node hears another node's events in the order it sent them.
        queue.OnMessage(message => Receive(message.Message));
        events.Attach(this);
        try
        {
            var batch = new List<object>(MaxBatch);
            while (!stoppingToken.IsCancellationRequested)
            {
                await _wake.Reader.ReadAsync(stoppingToken);
                batch.Clear();
                while (batch.Count < MaxBatch && _events.Reader.TryRead(out var e))
                    batch.Add(e);
                while (batch.Count < MaxBatch && _telemetry.Reader.TryRead(out var t))
                    batch.Add(t);
                if (batch.Count == 0)
                    continue;
                await PublishAsync(multiplexer, channel, batch);
                // More than one batch waiting: go on without a new signal.
                if (batch.Count == MaxBatch)
                    _wake.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    private async Task PublishAsync(IConnectionMultiplexer multiplexer, RedisChannel channel, List<object> batch)
    {
        try
        {
            await multiplexer.GetSubscriber().PublishAsync(channel, Serialize(batch));
            Interlocked.Add(ref _sent, batch.Count);
            if (_failing)
                LogSending();
            _failing = false;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            if (!_failing)
                LogSendFailed(batch.Count, ex.Message);
            _failing = true;
        }
    }

    private byte[] Serialize(List<object> batch)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("node", _node);
            writer.WriteStartArray("events");
            foreach (var e in batch)
            {
                writer.WriteStartObject();
                writer.WriteString("type", e.GetType().Name);
                writer.WritePropertyName("data");
                JsonSerializer.Serialize(writer, e, e.GetType(), Json);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private void Receive(RedisValue message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse((ReadOnlyMemory<byte>)message);
            if (document.RootElement.GetProperty("node").GetString() == _node)
            {
                document.Dispose();
                return;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnreadable("?", ex.Message);
            return;
        }
        using (document)
        {
            foreach (var element in document.RootElement.GetProperty("events").EnumerateArray())
            {
                var name = element.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "";
                try
                {
                    // One unreadable event (a node of another version) costs only itself, not the rest of its batch.
                    if (Relayed.TryGetValue(name, out var known) && element.GetProperty("data").Deserialize(known, Json) is { } liveEvent)
                    {
                        Interlocked.Increment(ref _received);
                        events.DeliverFromAnotherNode(liveEvent);
                    }
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
                {
                    LogUnreadable(name, ex.Message);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live events could not be sent to the other nodes ({Count} lost to them, and any more until Redis answers): {Error}")]
    private partial void LogSendFailed(int count, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live events reach the other nodes again")]
    private partial void LogSending();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live event ({Event}) from Redis could not be read: {Error}")]
    private partial void LogUnreadable(string @event, string error);
}
