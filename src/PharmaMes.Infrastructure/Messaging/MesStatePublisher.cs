using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Publishes the MES's own state as retained JSON under <c>{root}/{site}/_mes/...</c> (inventory per
/// material, batch status, active alerts), so a supply-chain platform subscribes instead of polling.
/// Only the latest value of each topic is kept while the broker is unreachable: a retained topic
/// is a state, not a history. An empty retained payload deletes a topic (an alert that cleared).
/// </summary>
public sealed partial class MesStatePublisher(
    IDbContextFactory<MesDbContext> contexts,
    MqttClientOptionsFactory clientOptions,
    IOptions<MqttOptions> options,
    ILogger<MesStatePublisher> logger) : BackgroundService
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Queued when the connection drops; no topic path is empty.</summary>
    private const string Disconnected = "";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]> _latest = [];
    /// <summary>What each topic holds at the broker, published again after a reconnection.</summary>
    private readonly Dictionary<string, byte[]> _sent = [];
    private readonly Channel<string> _topics = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private string? _prefix;

    /// <summary>Queues <paramref name="state"/> for <c>_mes/{path}</c>; null deletes the retained topic.</summary>
    public void Publish(string path, object? state)
    {
        var payload = state is null ? [] : JsonSerializer.SerializeToUtf8Bytes(state, state.GetType(), Json);
        lock (_gate)
        {
            var queued = _latest.ContainsKey(path);
            _latest[path] = payload;
            if (!queued)
                _topics.Writer.TryWrite(path);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        // Wakes the loop when the broker goes away: it reconnects at once, not at the next change.
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected)
                _topics.Writer.TryWrite(Disconnected);
            return Task.CompletedTask;
        };
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!client.IsConnected)
                {
                    if (!await TryConnectAsync(client, stoppingToken))
                    {
                        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                        continue;
                    }
                    // A broker restarted without its store has lost the retained topics.
                    QueueEverythingSent();
                }
                try
                {
                    _prefix ??= await PrefixAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPublishFailed("_mes", ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                    continue;
                }
                var path = await _topics.Reader.ReadAsync(stoppingToken);
                if (path == Disconnected)
                    continue;
                byte[] payload;
                lock (_gate)
                {
                    if (!_latest.Remove(path, out payload!))
                        continue;
                }
                await SendAsync(client, path, payload, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Queues again the last value of every topic, unless a newer one waits already.</summary>
    private void QueueEverythingSent()
    {
        lock (_gate)
        {
            foreach (var (path, payload) in _sent)
            {
                if (_latest.TryAdd(path, payload))
                    _topics.Writer.TryWrite(path);
            }
        }
    }

    private async Task SendAsync(IMqttClient client, string path, byte[] payload, CancellationToken cancellationToken)
    {
        var topic = $"{_prefix}/{path}";
        try
        {
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithContentType("application/json")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag()
                .Build(), cancellationToken);
            lock (_gate)
            {
                if (payload.Length == 0)
                    _sent.Remove(path);
                else
                    _sent[path] = payload;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The broker going away while the app stops is the normal end, not a failure.
            if (!cancellationToken.IsCancellationRequested)
                LogPublishFailed(topic, ex.Message);
            // Kept for after the reconnection, unless a newer value came meanwhile.
            lock (_gate)
            {
                if (_latest.TryAdd(path, payload))
                    _topics.Writer.TryWrite(path);
            }
        }
    }

    /// <summary><c>{root}/{site}/_mes</c>, with the plant's site code.</summary>
    private async Task<string> PrefixAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).FirstOrDefaultAsync(cancellationToken);
        return $"{options.Value.TopicRoot}/{(site.Value ?? "site")}/_mes";
    }

    private async Task<bool> TryConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.ConnectAsync(clientOptions.Create(options.Value.ClientId + "-state", persistentSession: false), cancellationToken);
            return result.ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!cancellationToken.IsCancellationRequested)
                LogConnectFailed(ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing MES state to {Topic} failed: {Error}")]
    private partial void LogPublishFailed(string topic, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The MES state publisher cannot reach the broker: {Error}")]
    private partial void LogConnectFailed(string error);
}
