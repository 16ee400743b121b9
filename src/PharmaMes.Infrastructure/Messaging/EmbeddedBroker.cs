using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// The MQTT broker inside the app (MQTTnet.Server). It authenticates every client, enforces who
/// may publish what, and queues generously for slow subscribers: a message it cannot queue is
/// logged and counted, never dropped silently. It is also the ingest's source: a device message
/// goes straight to the ingest queue, and its PUBACK waits until the message is stored.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> options,
    DeviceAuthenticator authenticator,
    BrokerMetrics metrics,
    IngestQueue queue,
    IngestMetrics ingest,
    TimeProvider clock,
    ILogger<EmbeddedBroker> logger,
    IngestJournal? journal = null) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;
    private readonly Lock _stopLock = new();
    private Task? _stopping;
    private string _ingestFilter = "";

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
        _ingestFilter = MqttIngestClient.DeviceTopicFilter(mqtt.TopicRoot);

        _server.ValidatingConnectionAsync += async e =>
        {
            var clientId = e.ClientId;
            var user = string.IsNullOrEmpty(e.UserName) ? "(anonymous)" : e.UserName;
            var client = await authenticator.AuthenticateAsync(e.UserName, e.Password, e.CancellationToken);
            if (client is null)
            {
                Refuse(e, string.IsNullOrEmpty(e.UserName) ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword,
                    string.IsNullOrEmpty(e.UserName) ? BrokerRefusal.NotAuthorized : BrokerRefusal.BadCredentials,
                    string.IsNullOrEmpty(e.UserName)
                        ? "The broker admits only device accounts: give the device a user name and password from Admin > Device accounts."
                        : $"No enabled device account '{e.UserName}' with that password.");
                return;
            }
            if (client.Kind != BrokerClientKind.Mes && IsMesClientId(clientId, mqtt.ClientId))
            {
                // Taking over the MES's persistent session would take the messages queued for it.
                Refuse(e, MqttConnectReasonCode.ClientIdentifierNotValid, BrokerRefusal.ReservedClientId,
                    $"'{clientId}' is the MES's own client id; give the device another one, or none.");
                return;
            }
            if (string.IsNullOrEmpty(clientId))
            {
                clientId = ClientIdAssignment.NewId();
                if (ClientIdAssignment.TryAssign(e, clientId) is { } refusal)
                {
                    Refuse(e, MqttConnectReasonCode.ClientIdentifierNotValid, BrokerRefusal.NoClientId, refusal);
                    return;
                }
                metrics.ClientIdAssigned();
                LogClientIdAssigned(clientId, user);
            }
            e.SessionItems[BrokerClient.SessionKey] = client;
            _validated[(clientId, e.UserName ?? "")] = client;
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
        _server.InterceptingPublishAsync += async e =>
        {
            // Messages the broker itself injects have no client session.
            if (e.SessionItems?[BrokerClient.SessionKey] is not BrokerClient client)
                return;
            if (!policy.MayPublish(client, e.ApplicationMessage.Topic, e.ApplicationMessage.Retain, out var refusal))
            {
                metrics.PublishRefused();
                LogPublishRefused(e.ClientId, refusal!);
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                e.Response.ReasonString = refusal;
                return;
            }
            if (IsIngested(e.ApplicationMessage.Topic))
                await IngestAsync(e);
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
        ingest.BrokerConnected = true;
        ingest.ConnectedSince = clock.GetUtcNow();
        LogStarted(broker.Host, broker.Port, broker.AllowAnonymous);
        if (!string.IsNullOrWhiteSpace(broker.CertificatePath))
            LogTlsStarted(broker.Host, broker.TlsPort);
    }

    private void Refuse(ValidatingConnectionEventArgs e, MqttConnectReasonCode code, string reason, string detail)
    {
        var user = string.IsNullOrEmpty(e.UserName) ? "(anonymous)" : e.UserName;
        metrics.ConnectionRefused(new BrokerRefusal(clock.GetUtcNow(), e.ClientId ?? "", user, e.RemoteEndPoint?.ToString(), reason, detail));
        LogConnectionRefused(e.ClientId ?? "", user, e.RemoteEndPoint?.ToString(), detail);
        e.ReasonCode = code;
        e.ReasonString = detail;
    }

    /// <summary>
    /// The device topics the ingest stores (the same filter an external broker's subscription uses);
    /// the MES's own status topics match it too, and are output, not input.
    /// </summary>
    private bool IsIngested(string topic) =>
        MqttTopicFilterComparer.Compare(topic, _ingestFilter) == MqttTopicFilterCompareResult.IsMatch
        && !MqttIngestClient.IsMesOutput(topic);

    /// <summary>
    /// Hands a device message to the ingest and, for QoS 1 and 2, waits until it is stored (or set
    /// aside in quarantine, which is stored too): MQTTnet sends the PUBACK when this returns, so an
    /// acknowledged message survives a crash of the MES. A publisher's next message is read only
    /// after that; publishers on other connections share the same commits.
    /// The broker then passes the message on to whoever else subscribed to it.
    /// </summary>
    private async Task IngestAsync(InterceptingPublishEventArgs e)
    {
        var message = e.ApplicationMessage;
        var waits = message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce;
        if (waits && journal is not null)
        {
            // Durable in the journal before the PUBACK; stored by the ingest in its own time.
            var journaled = await journal.AppendAsync(message.Topic, message.Payload.ToArray(), clock.GetUtcNow(), e.CancellationToken);
            ingest.MessageReceived();
            await queue.Writer.WriteAsync(journaled, e.CancellationToken);
        }
        else
        {
            var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var received = new ReceivedMessage(message.Topic, message.Payload.ToArray(), clock.GetUtcNow(),
                _ => { stored.TrySetResult(); return Task.CompletedTask; }, PublisherWaits: waits);
            ingest.MessageReceived();
            await queue.Writer.WriteAsync(received, e.CancellationToken);
            if (waits)
                await stored.Task.WaitAsync(e.CancellationToken);
        }
        // Not published a second time to the MES: the message is already stored. Other subscribers
        // get it as the broker's own message, and the device a plain Success.
        e.ProcessPublish = false;
        await _server!.InjectApplicationMessage(new InjectedMqttApplicationMessage(message)
        {
            SenderClientId = e.ClientId,
            SenderUserName = e.UserName,
        }, e.CancellationToken);
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
        {
            ingest.BrokerConnected = false;
            ingest.ConnectedSince = null;
            await _server.StopAsync();
            if (journal is null)
                LogStopped(queue.Count);
            else
                LogStoppedWithJournal(journal.Unstored);
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker stopped; {Waiting} messages not yet stored stay with the devices that sent them")]
    private partial void LogStopped(int waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker stopped; {Waiting} acknowledged messages not yet stored stay in the ingest journal and are stored at the next start")]
    private partial void LogStoppedWithJournal(long waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening with TLS on {Host}:{Port}")]
    private partial void LogTlsStarted(string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection refused for client '{ClientId}', user {User}, from {Address}: {Detail}")]
    private partial void LogConnectionRefused(string clientId, string user, string? address, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT client of {User} connected without a client id and was given '{ClientId}'")]
    private partial void LogClientIdAssigned(string clientId, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT subscription refused for client {ClientId}: {Refusal}")]
    private partial void LogSubscriptionRefused(string clientId, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT publish refused for client {ClientId}: {Refusal}")]
    private partial void LogPublishRefused(string clientId, string refusal);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT broker dropped a message on {Topic} for {ClientId}: more than {Limit} messages queued for it")]
    private partial void LogDropped(string clientId, string topic, int limit);
}
