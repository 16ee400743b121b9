using MQTTnet;
using MQTTnet.Formatter;

namespace PharmaMes.LoadGenerator;

/// <summary>Connects an MQTT 5 client with the shared settings and fails loudly on a refused CONNACK.</summary>
internal static class BrokerConnection
{
    public static async Task ConnectAsync(IMqttClient client, BrokerClientOptions options, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(options.ClientId)
            // A load run keeps no state at the broker between runs.
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(options.ConnectTimeout);
        if (!string.IsNullOrEmpty(options.Username))
            builder = builder.WithCredentials(options.Username, options.Password);

        var result = await client.ConnectAsync(builder.Build(), cancellationToken);
        // ConnectAsync does not throw when the broker refuses (bad credentials, ...): the result says so.
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"The broker {options.Host}:{options.Port} refused the connection: {result.ResultCode} {result.ReasonString}".TrimEnd());
    }

    /// <summary>Disconnects politely if still connected; a broken connection is not worth an exception here.</summary>
    public static async Task DisconnectQuietlyAsync(IMqttClient client)
    {
        if (!client.IsConnected)
            return;
        try
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
