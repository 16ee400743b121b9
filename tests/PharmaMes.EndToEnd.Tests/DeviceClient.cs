using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>A device publishing to the app's embedded broker, as a real one would (anonymous, as demo mode allows).</summary>
public sealed class DeviceClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static async Task<DeviceClient> ConnectAsync(int port)
    {
        var device = new DeviceClient();
        var result = await device._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("e2e-device-" + Guid.NewGuid().ToString("N")[..8]).Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"The broker refused the test device: {result.ResultCode}");
        return device;
    }

    public async Task PublishAsync(string topic, string json)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(json))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        if (!result.IsSuccess)
            throw new InvalidOperationException($"Publishing to {topic} was refused: {result.ReasonCode} {result.ReasonString}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
            await _client.DisconnectAsync();
        _client.Dispose();
    }
}
