using Microsoft.EntityFrameworkCore;
using MQTTnet;
using System.Net.Sockets;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PharmaMes.Infrastructure.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// Standard clients that send no client id (mosquitto_pub with MQTT 5, many small device
/// libraries) are given one, as MQTT allows; a connection that is refused says why, on the ingest
/// page as in the log.
/// </summary>
public class ClientIdAssignments
{
    private static MqttClientOptions WithoutClientId(LiveMesHost live, MqttProtocolVersion version, bool cleanSession = true) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer(BrokerHost, live.Port)
            .WithProtocolVersion(version)
            .WithClientId("")
            .WithCleanSession(cleanSession)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();

    [Fact]
    public async Task AnMqtt5ClientWithoutAClientIdIsGivenOneInTheConnackAndItsDataIsStored()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var client = live.NewClient();

        var connected = await client.ConnectAsync(WithoutClientId(live, MqttProtocolVersion.V500));

        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        Assert.StartsWith("pmes-", connected.AssignedClientIdentifier);
        var at = Now().AddSeconds(-5);
        await PublishAcceptedAsync(client, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3210"));
        var press = await live.EquipmentIdAsync("TP-01");
        // Acknowledged once journaled; stored a moment later.
        var speeds = await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples
            .Where(s => s.Channel!.EquipmentId == press && s.Channel!.Tag == "speed" && s.Time == at).Select(s => s.Value).ToListAsync()), rows => rows.Count > 0);
        Assert.Equal(3210, Assert.Single(speeds));
        Assert.Equal(1, live.Get<BrokerMetrics>().AssignedClientIds);
        Assert.Equal(0, live.Get<BrokerMetrics>().RefusedConnections);
    }

    [Fact]
    public async Task AnMqtt311ClientWithoutAClientIdConnectsWithACleanSession()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var client = live.NewClient();

        var connected = await client.ConnectAsync(WithoutClientId(live, MqttProtocolVersion.V311));

        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        var at = Now().AddSeconds(-5);
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{TabletPress}/telemetry")
            .WithPayload(TelemetryJson(at, "\"speed\":3300")).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var press = await live.EquipmentIdAsync("TP-01");
        Assert.Equal(1, await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press && s.Time == at)), n => n > 0));
        Assert.Equal(1, live.Get<BrokerMetrics>().AssignedClientIds);
    }

    [Fact]
    public async Task AnMqtt31ClientWithoutAClientIdIsRefusedAndTheRefusalSaysWhy()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        using var socket = new TcpClient();
        await socket.ConnectAsync(BrokerHost, live.Port);
        var stream = socket.GetStream();

        // CONNECT, MQTT 3.1 ("MQIsdp", level 3), clean session, keep-alive 60 s, a zero-length client id:
        // 3.1 requires one, and no client library here would send it.
        await stream.WriteAsync(new byte[] { 0x10, 14, 0, 6, (byte)'M', (byte)'Q', (byte)'I', (byte)'s', (byte)'d', (byte)'p', 3, 0x02, 0, 60, 0, 0 });
        var connack = new byte[4];
        await stream.ReadExactlyAsync(connack).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new byte[] { 0x20, 2, 0, 2 }, connack); // CONNACK: identifier rejected
        var metrics = live.Get<BrokerMetrics>();
        Assert.Equal(1, metrics.RefusedConnections);
        var refusal = Assert.Single(metrics.LatestRefusals);
        Assert.Equal(BrokerRefusal.NoClientId, refusal.Reason);
        Assert.Equal("An MQTT 3.1 client must send a client id.", refusal.Detail);
        Assert.Equal(1, metrics.RefusalsByReason[BrokerRefusal.NoClientId]);
        Assert.Equal(0, metrics.AssignedClientIds);
    }

    [Fact]
    public async Task EachRefusedConnectionIsKeptWithItsClientAccountAddressAndReason()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: false, devices: [("press-01", "press-password", "TP-01")]);

        await live.NewClient().ConnectAsync(live.Options());
        await live.NewClient().ConnectAsync(live.Options("press-01", "wrong", clientId: "press-plc"));
        await live.NewClient().ConnectAsync(live.Options("press-01", "press-password", clientId: live.Get<Microsoft.Extensions.Options.IOptions<MqttOptions>>().Value.ClientId));

        var metrics = live.Get<BrokerMetrics>();
        Assert.Equal(3, metrics.RefusedConnections);
        var refusals = metrics.LatestRefusals;
        Assert.Equal([BrokerRefusal.ReservedClientId, BrokerRefusal.BadCredentials, BrokerRefusal.NotAuthorized], refusals.Select(r => r.Reason));
        var badPassword = refusals[1];
        Assert.Equal("press-plc", badPassword.ClientId);
        Assert.Equal("press-01", badPassword.User);
        Assert.StartsWith("127.0.0.1:", badPassword.Address);
        Assert.Contains("press-01", badPassword.Detail);
        Assert.Equal("(anonymous)", refusals[2].User);
    }
}
