using System.Collections.Concurrent;
using System.Net;
using System.Security.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// The MQTT broker inside the app (MQTTnet.Server). It authenticates every client, enforces who
/// may publish what, and queues generously for slow subscribers: a message it cannot queue is
/// logged and counted, never dropped silently.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> options,
    DeviceAuthenticator authenticator,
    BrokerMetrics metrics,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;
    private readonly Lock _stopLock = new();
    private Task? _stopping;

    // Who each connection proved to be, from validation until it is bound to its session. MQTTnet
    // keeps a resumed session's items from the session's first connection, so without this a client
    // resuming another account's session (same client id) would publish with that account's rights.
    private readonly ConcurrentDictionary<(string ClientId, string UserName), BrokerClient> _validated = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mqtt = options.Value;
        var broker = mqtt.Broker;
        var address = IPAddress.Parse(broker.Host);
        var builder = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(address)
            // Without this the broker would also listen on every IPv6 interface.
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(broker.Port)
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(broker.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropNewMessage);
        if (!string.IsNullOrWhiteSpace(broker.CertificatePath))
            builder = builder
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(address)
                .WithEncryptedEndpointBoundIPV6Address(IPAddress.None)
                .WithEncryptedEndpointPort(broker.TlsPort)
                .WithEncryptionCertificate(BrokerCertificate.Load(broker.CertificatePath, broker.CertificatePassword))
                .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13);
        var serverOptions = builder.Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        var policy = new BrokerAccessPolicy(mqtt.TopicRoot);

        _server.ValidatingConnectionAsync += async e =>
        {
            var client = await authenticator.AuthenticateAsync(e.UserName, e.Password, e.CancellationToken);
            if (client is null)
            {
                metrics.ConnectionRefused();
                LogConnectionRefused(e.ClientId, string.IsNullOrEmpty(e.UserName) ? "(anonymous)" : e.UserName);
                e.ReasonCode = string.IsNullOrEmpty(e.UserName) ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword;
                return;
            }
            if (client.Kind != BrokerClientKind.Mes && IsMesClientId(e.ClientId, mqtt.ClientId))
            {
                // Taking over the MES's persistent session would take the messages queued for ingest.
                metrics.ConnectionRefused();
                LogClientIdRefused(e.ClientId, client.Name);
                e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
                return;
            }
            e.SessionItems[BrokerClient.SessionKey] = client;
            _validated[(e.ClientId, e.UserName ?? "")] = client;
        };
        _server.ClientConnectedAsync += e =>
        {
            // The session may be a resumed one: bind it to the account of this connection. MQTTnet
            // raises this before it reads the connection's first packet. Not found cannot happen
            // (validation comes first); if it did, the client may publish nothing.
            e.SessionItems[BrokerClient.SessionKey] = _validated.TryRemove((e.ClientId, e.UserName ?? ""), out var client)
                ? client
                : new BrokerClient(BrokerClientKind.Device, $"unidentified client '{e.ClientId}'", null);
            return Task.CompletedTask;
        };
        _server.InterceptingSubscriptionAsync += e =>
        {
            if (e.SessionItems?[BrokerClient.SessionKey] is not BrokerClient client)
                return Task.CompletedTask;
            if (!policy.MaySubscribe(client, e.TopicFilter.Topic, out var refusal))
            {
                metrics.SubscriptionRefused();
                LogSubscriptionRefused(e.ClientId, refusal!);
                e.ProcessSubscription = false;
                e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
                e.Response.ReasonString = refusal;
            }
            return Task.CompletedTask;
        };
        _server.InterceptingPublishAsync += e =>
        {
            // Messages the broker itself injects have no client session.
            if (e.SessionItems?[BrokerClient.SessionKey] is not BrokerClient client)
                return Task.CompletedTask;
            if (!policy.MayPublish(client, e.ApplicationMessage.Topic, e.ApplicationMessage.Retain, out var refusal))
            {
                metrics.PublishRefused();
                LogPublishRefused(e.ClientId, refusal!);
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                e.Response.ReasonString = refusal;
            }
            return Task.CompletedTask;
        };
        _server.ApplicationMessageEnqueuedOrDroppedAsync += e =>
        {
            if (e.IsDropped)
            {
                metrics.MessageDropped();
                LogDropped(e.ReceiverClientId, e.ApplicationMessage.Topic, broker.MaxPendingMessagesPerClient);
            }
            return Task.CompletedTask;
        };

        await _server.StartAsync();
        LogStarted(broker.Host, broker.Port, broker.AllowAnonymous);
        if (!string.IsNullOrWhiteSpace(broker.CertificatePath))
            LogTlsStarted(broker.Host, broker.TlsPort);
    }

    /// <summary>The ingest client's id and the ids of the MES's other clients ({ClientId}-status...).</summary>
    private static bool IsMesClientId(string clientId, string mesClientId) =>
        string.Equals(clientId, mesClientId, StringComparison.Ordinal)
        || clientId.StartsWith(mesClientId + "-", StringComparison.Ordinal);

    /// <summary>Ends every connection signed in with a device account (it was just revoked); returns how many.</summary>
    public async Task<int> DisconnectDeviceAsync(string username)
    {
        if (_server is not { IsStarted: true })
            return 0;
        var disconnected = 0;
        foreach (var client in await _server.GetClientsAsync())
        {
            if (client.Session?.Items?[BrokerClient.SessionKey] is BrokerClient { Kind: BrokerClientKind.Device } device
                && string.Equals(device.Username, username, StringComparison.Ordinal))
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptionsBuilder()
                    .WithReasonCode(MqttDisconnectReasonCode.NotAuthorized)
                    .WithReasonString("The device account was revoked.")
                    .Build());
                disconnected++;
            }
        }
        return disconnected;
    }

    /// <summary>
    /// Stops once: a web host stops its services from two places when it shuts down (the app's own run loop and whoever
    /// disposes it), and the server's own stop is not safe to run twice at the same time.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
            return _stopping ??= StopServerAsync();
    }

    private async Task StopServerAsync()
    {
        if (_server is { IsStarted: true })
            await _server.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await StopAsync(CancellationToken.None);
            _server.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Host}:{Port} (anonymous clients {AllowAnonymous})")]
    private partial void LogStarted(string host, int port, bool allowAnonymous);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening with TLS on {Host}:{Port}")]
    private partial void LogTlsStarted(string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection refused for client {ClientId}, user {User}")]
    private partial void LogConnectionRefused(string clientId, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection refused for client {ClientId}: {Client} may not use the MES's client id")]
    private partial void LogClientIdRefused(string clientId, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT subscription refused for client {ClientId}: {Refusal}")]
    private partial void LogSubscriptionRefused(string clientId, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT publish refused for client {ClientId}: {Refusal}")]
    private partial void LogPublishRefused(string clientId, string refusal);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT broker dropped a message on {Topic} for {ClientId}: more than {Limit} messages queued for it")]
    private partial void LogDropped(string clientId, string topic, int limit);
}
