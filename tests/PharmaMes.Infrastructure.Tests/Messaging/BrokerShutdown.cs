using System.Net.Sockets;
using MQTTnet;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// A web host stops its services from two places at once when it shuts down (its own run loop and whoever disposes it):
/// the embedded broker must stop once, without an error, and let go of its port.
/// </summary>
public class BrokerShutdown
{
    [Fact]
    public async Task StoppingTheBrokerTwiceAtOnceStopsItOnceAndFreesItsPort()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var client = live.NewClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(live.Options())).ResultCode);
        var broker = live.Get<EmbeddedBroker>();

        var stops = Enumerable.Range(0, 4).Select(_ => Task.Run(() => broker.StopAsync(CancellationToken.None))).ToList();
        await Task.WhenAll(stops);

        Assert.All(stops, stop => Assert.True(stop.IsCompletedSuccessfully));
        using var socket = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(LiveMesHost.BrokerHost, live.Port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
