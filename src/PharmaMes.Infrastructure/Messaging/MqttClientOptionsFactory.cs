using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>The MES's connection to the broker: MQTT 5, persistent session, large Receive Maximum.</summary>
public sealed class MqttClientOptionsFactory(IOptions<MqttOptions> options, MesBrokerCredentials credentials)
{
    public MqttClientOptions Create(string clientId, bool persistentSession)
    {
        var mqtt = options.Value;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(mqtt.Broker.Host, mqtt.Broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (persistentSession)
        {
            // Clean start off: the broker keeps our subscription and queues for us while we are away.
            builder = builder.WithCleanStart(false)
                .WithSessionExpiryInterval((uint)mqtt.SessionExpirySeconds)
                .WithReceiveMaximum((ushort)mqtt.Ingest.ReceiveMaximum);
        }
        if (!string.IsNullOrEmpty(credentials.Username))
            builder = builder.WithCredentials(credentials.Username, credentials.Password);
        if (mqtt.Broker.UseTls)
            builder = builder.WithTlsOptions(tls => tls.UseTls());
        return builder.Build();
    }
}
