using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Subscribes to every device topic with QoS 1 and hands each message, unacknowledged, to the
/// ingest queue. MQTTnet calls this handler one message at a time, so it does nothing else.
/// Reconnects with backoff and resubscribes (MQTTnet 5 has no managed client).
/// </summary>
public sealed partial class MqttIngestClient(
    IOptions<MqttOptions> options,
    MqttClientOptionsFactory clientOptions,
    IngestQueue queue,
    IngestMetrics metrics,
    TimeProvider clock,
    ILogger<MqttIngestClient> logger) : BackgroundService
{
    /// <summary>
    /// Low on purpose: an attempt at a broker that is down costs one refused connection, while
    /// every second of backoff past its return is a second the plant's data waits.
    /// </summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    /// <summary>Counts connections: a message is acknowledged only on the connection that delivered it.</summary>
    private int _connection;

    public string TopicFilter
    {
        get
        {
            var mqtt = options.Value;
            var filter = DeviceTopicFilter(mqtt.TopicRoot);
            return mqtt.Broker.Mode == BrokerMode.External && !string.IsNullOrWhiteSpace(mqtt.SharedGroup)
                ? $"$share/{mqtt.SharedGroup}/{filter}"
                : filter;
        }
    }

    /// <summary>Every device topic: {root}/{site}/{area}/{line}/{equipment}/{kind}.</summary>
    public static string DeviceTopicFilter(string topicRoot) => $"{topicRoot}/+/+/+/+/+";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var message = e.ApplicationMessage;
            // The MES's own retained status messages match the same filter: they are output, not input.
            if (IsMesOutput(message.Topic))
                return;
            // Acknowledged by the writer after the database commit, not here.
            e.AutoAcknowledge = false;
            var connection = Volatile.Read(ref _connection);
            var received = new ReceivedMessage(message.Topic, message.Payload.ToArray(), clock.GetUtcNow(),
                cancellationToken => AcknowledgeAsync(e, connection, cancellationToken));
            metrics.MessageReceived();
            await queue.Writer.WriteAsync(received, stoppingToken);
        };
        client.DisconnectedAsync += e =>
        {
            Interlocked.Increment(ref _connection);
            // Our own disconnect at shutdown is the normal end, not a lost connection.
            if (metrics.BrokerConnected && stoppingToken.IsCancellationRequested)
                LogDisconnectedAtShutdown();
            else if (metrics.BrokerConnected)
                LogDisconnected(e.Reason.ToString());
            metrics.BrokerConnected = false;
            metrics.ConnectedSince = null;
            return Task.CompletedTask;
        };

        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                try
                {
                    await ConnectAndSubscribeAsync(client, stoppingToken);
                    backoff = TimeSpan.FromMilliseconds(250);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Once per outage at Warning: with a short backoff, every attempt would flood the log.
                    if (metrics.LastConnectionError is null)
                        LogConnectFailed(options.Value.Broker.Host, options.Value.Broker.Port, ex.Message, backoff.TotalSeconds);
                    else
                        LogConnectFailedAgain(options.Value.Broker.Host, options.Value.Broker.Port, ex.Message, backoff.TotalSeconds);
                    metrics.LastConnectionError = ex.Message;
                    await Delay(backoff, stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    continue;
                }
            }
            await Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
        }

        if (client.IsConnected)
        {
            // A clean disconnect keeps the session: what arrives while we are down waits at the broker.
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
        }
    }

    /// <summary>
    /// A packet id belongs to one connection: after a reconnect the same id may name another
    /// message, which an old acknowledgement would then confirm before it is stored. A message
    /// from an earlier connection is not acknowledged; the broker redelivers it and its stored
    /// copy makes the repeat harmless.
    /// </summary>
    private Task AcknowledgeAsync(MqttApplicationMessageReceivedEventArgs e, int connection, CancellationToken cancellationToken) =>
        connection == Volatile.Read(ref _connection) ? e.AcknowledgeAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Topics only the MES publishes (<c>.../status</c>): never ingested, never quarantined.</summary>
    public static bool IsMesOutput(string topic) => topic.EndsWith("/status", StringComparison.Ordinal);

    private async Task ConnectAndSubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var mqtt = options.Value;
        var result = await client.ConnectAsync(clientOptions.Create(mqtt.ClientId, persistentSession: true), cancellationToken);
        // ConnectAsync does not throw when the broker refuses: the result says so.
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"The broker refused the connection: {result.ResultCode} {result.ReasonString}");
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(TopicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        var subscribed = await client.SubscribeAsync(subscription, cancellationToken);
        var granted = subscribed.Items.Single().ResultCode;
        if (granted is not (MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            throw new InvalidOperationException($"The broker refused the subscription to {TopicFilter}: {granted}");
        metrics.BrokerConnected = true;
        metrics.ConnectedSince = clock.GetUtcNow();
        metrics.LastConnectionError = null;
        LogConnected(mqtt.Broker.Host, mqtt.Broker.Port, TopicFilter, result.IsSessionPresent);
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest connected to {Host}:{Port}, subscribed to {Filter} (session kept by the broker: {SessionPresent})")]
    private partial void LogConnected(string host, int port, string filter, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest cannot reach the broker {Host}:{Port}: {Error}; retrying in {Seconds} s")]
    private partial void LogConnectFailed(string host, int port, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingest still cannot reach the broker {Host}:{Port}: {Error}; retrying in {Seconds} s")]
    private partial void LogConnectFailedAgain(string host, int port, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest lost the broker connection: {Reason}")]
    private partial void LogDisconnected(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest disconnected from the broker at shutdown; the broker keeps the session")]
    private partial void LogDisconnectedAtShutdown();
}
