using PharmaMes.Domain.Alerts;
using Microsoft.EntityFrameworkCore;
using MQTTnet;
using PharmaMes.Infrastructure.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// Who may connect to the embedded broker and publish what: a forged value in a GMP record is a
/// data-integrity failure, so devices publish only their own equipment's device topics.
/// </summary>
public class BrokerAccess
{
    private static readonly (string, string, string)[] Devices =
    [
        ("press-01", "press-password", "TP-01"),
        ("bioreactor-01", "bioreactor-password", "BR-01"),
    ];

    [Fact]
    public async Task RefusesAnAnonymousClientWhenAnonymousClientsAreNotAllowed()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: false, devices: Devices);
        var client = live.NewClient();

        var result = await client.ConnectAsync(live.Options());

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        Assert.False(client.IsConnected);
        Assert.Equal(1, live.Get<BrokerMetrics>().RefusedConnections);
    }

    [Fact]
    public async Task RefusesAWrongPasswordAndAnUnknownUser()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true, devices: Devices);

        var wrongPassword = await live.NewClient().ConnectAsync(live.Options("press-01", "bioreactor-password"));
        var noPassword = await live.NewClient().ConnectAsync(live.Options("press-01", null));
        var unknownUser = await live.NewClient().ConnectAsync(live.Options("press-02", "press-password"));
        var mesWrongPassword = await live.NewClient().ConnectAsync(live.Options(MesBrokerCredentials.EmbeddedUsername, "guess"));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, wrongPassword.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, noPassword.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, unknownUser.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, mesWrongPassword.ResultCode);
        Assert.Equal(4, live.Get<BrokerMetrics>().RefusedConnections);
    }

    [Fact]
    public async Task LetsADevicePublishForItsOwnEquipmentOnly()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: false, devices: Devices);
        var press = await live.ConnectAsync("press-01", "press-password");
        var at = Now().AddSeconds(-10);

        var own = await PublishAsync(press, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3000"));
        var other = await PublishAsync(press, $"{Bioreactor}/telemetry", TelemetryJson(at, "\"temperature\":41.0"));
        var otherState = await PublishAsync(press, $"{Bioreactor}/state", $$"""{"ts":"{{Ts(at)}}","state":"Down","reason":"forged"}""");

        Assert.Equal(MqttClientPublishReasonCode.Success, own.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, other.ReasonCode);
        Assert.Contains("only for equipment TP-01", other.ReasonString);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, otherState.ReasonCode);
        Assert.True(press.IsConnected);
        // A later message of the same device is stored: everything before it has been handled.
        await PublishAcceptedAsync(press, $"{TabletPress}/telemetry", TelemetryJson(at.AddSeconds(1), "\"speed\":3100"));
        var pressId = await live.EquipmentIdAsync("TP-01");
        Assert.Equal(2, await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == pressId)), n => n >= 2));
        var bioreactorId = await live.EquipmentIdAsync("BR-01");
        Assert.Equal(0, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == bioreactorId)));
        Assert.Equal(0, await live.QueryAsync(db => db.Alerts.CountAsync(a => a.Kind == AlertKind.EquipmentDown || a.Kind == AlertKind.Excursion)));
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
        Assert.Equal(2, live.Get<BrokerMetrics>().RefusedPublishes);
    }

    [Fact]
    public async Task LetsADevicePublishOnlyAtItsEquipmentsPlaceInThePlant()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: false, devices: Devices);
        var press = await live.ConnectAsync("press-01", "press-password");
        var at = Now().AddSeconds(-10);

        // TP-01 stands on OSD-L1: its own code under another line, area or site is a forged place.
        var otherLine = await PublishAsync(press, "mes/PLANT1/BIO/BIO-L1/TP-01/telemetry", TelemetryJson(at, "\"speed\":3000"));
        var otherSite = await PublishAsync(press, "mes/PLANT2/OSD/OSD-L1/TP-01/state", $$"""{"ts":"{{Ts(at)}}","state":"Down","reason":"forged"}""");
        var mesTopic = await PublishAsync(press, "mes/PLANT1/_mes/OSD-L1/TP-01/counts", """{"good":1}""");
        var ownPlace = await PublishAsync(press, $"{TabletPress}/counts", $$"""{"ts":"{{Ts(at)}}","good":10,"reject":0}""");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, otherLine.ReasonCode);
        Assert.Contains($"only where the plant model places it, {TabletPress}", otherLine.ReasonString);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, otherSite.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, mesTopic.ReasonCode);
        Assert.Contains(ownPlace.ReasonCode, new[] { MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers });
        Assert.Equal(3, live.Get<BrokerMetrics>().RefusedPublishes);
        Assert.True(press.IsConnected);
    }

    [Fact]
    public async Task RefusesRetainedMessagesFromDevicesButNotFromTheMes()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: false, devices: Devices);
        var press = await live.ConnectAsync("press-01", "press-password");
        var mes = await live.ConnectAsMesAsync();
        var at = Now().AddSeconds(-10);

        var retained = await press.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"{TabletPress}/telemetry")
            .WithPayload(TelemetryJson(at, "\"speed\":3000"))
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .Build());
        var byTheMes = await mes.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("mes/PLANT1/_mes/test")
            .WithPayload("{}")
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .Build());

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, retained.ReasonCode);
        Assert.Contains("retained", retained.ReasonString);
        Assert.Contains(byTheMes.ReasonCode, new[] { MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers });
        Assert.Equal(1, live.Get<BrokerMetrics>().RefusedPublishes);
        // Nothing of the refused message was kept for later subscribers.
        var pressId = await live.EquipmentIdAsync("TP-01");
        await PublishAcceptedAsync(press, $"{TabletPress}/telemetry", TelemetryJson(at.AddSeconds(1), "\"speed\":3100"));
        Assert.Equal(1, await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == pressId && s.Time >= at)), n => n >= 1));
        Assert.Equal(1, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == pressId && s.Time >= at)));
    }

    [Fact]
    public async Task KeepsDevicesOffStatusAndMesTopicsThatOnlyTheMesPublishes()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: false, devices: Devices);
        var press = await live.ConnectAsync("press-01", "press-password");
        var mes = await live.ConnectAsMesAsync();

        var status = await PublishAsync(press, $"{TabletPress}/status", """{"state":"Running"}""");
        var inventory = await PublishAsync(press, "mes/PLANT1/_mes/inventory", """{"lot":"L-1","quantity":1000}""");
        var byTheMes = await PublishAsync(mes, "mes/PLANT1/_mes/inventory", """{"lot":"L-1","quantity":1000}""");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, status.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, inventory.ReasonCode);
        Assert.Contains(byTheMes.ReasonCode, new[] { MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers });
        Assert.Equal(2, live.Get<BrokerMetrics>().RefusedPublishes);
    }

    [Fact]
    public async Task LetsAnonymousDemoClientsPublishDeviceTopicsButNotStatusTopics()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var anonymous = await live.ConnectAsync();
        var at = Now().AddSeconds(-10);

        var press = await PublishAsync(anonymous, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3000"));
        var bioreactor = await PublishAsync(anonymous, $"{Bioreactor}/telemetry", TelemetryJson(at, "\"temperature\":37.0"));
        var status = await PublishAsync(anonymous, $"{TabletPress}/status", """{"state":"Running"}""");
        var inventory = await PublishAsync(anonymous, "mes/PLANT1/_mes/inventory", """{"lot":"L-1"}""");

        Assert.Equal(MqttClientPublishReasonCode.Success, press.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, bioreactor.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, status.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, inventory.ReasonCode);
        Assert.Equal(2, live.Get<BrokerMetrics>().RefusedPublishes);
        // The demo's batch history holds readings of its own, hours older than these.
        Assert.Equal(2, await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Time >= at.AddSeconds(-1))), n => n >= 2));
    }

    [Fact]
    public async Task RefusesADeviceThatClaimsTheClientIdOfTheMesIngestSession()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true, devices: Devices);
        var ingestClientId = live.Get<Microsoft.Extensions.Options.IOptions<MqttOptions>>().Value.ClientId;
        var impostor = live.NewClient();

        // Taking over the MES's persistent session would take its queued messages (and, before
        // identities were bound to the connection, its right to publish anything).
        var asDevice = await impostor.ConnectAsync(live.Options("press-01", "press-password", ingestClientId, persistentSession: true));
        var asAnonymous = await live.NewClient().ConnectAsync(live.Options(clientId: ingestClientId, persistentSession: true));
        var asStatusPublisher = await live.NewClient().ConnectAsync(live.Options(clientId: ingestClientId + "-status"));

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, asDevice.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, asAnonymous.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, asStatusPublisher.ResultCode);
        Assert.Equal(3, live.Get<BrokerMetrics>().RefusedConnections);
        Assert.True(live.Get<IngestMetrics>().BrokerConnected);
        var device = await live.ConnectAsync("press-01", "press-password");
        var at = Now().AddSeconds(-1);
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3000"));
        Assert.Equal(1, await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Time >= at.AddSeconds(-1))), n => n >= 1));
    }

    [Fact]
    public async Task ADeviceResumingAPersistentSessionPublishesWithItsOwnRightsNotThoseOfThePreviousOwner()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: false, devices: Devices);
        var first = live.NewClient();
        Assert.Equal(MqttClientConnectResultCode.Success,
            (await first.ConnectAsync(live.Options("press-01", "press-password", "line-gateway", persistentSession: true))).ResultCode);
        await first.DisconnectAsync();

        var second = live.NewClient();
        var resumed = await second.ConnectAsync(live.Options("bioreactor-01", "bioreactor-password", "line-gateway", persistentSession: true));
        var at = Now().AddSeconds(-5);
        var own = await PublishAsync(second, $"{Bioreactor}/telemetry", TelemetryJson(at, "\"temperature\":37.0"));
        var previousOwners = await PublishAsync(second, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3000"));

        Assert.Equal(MqttClientConnectResultCode.Success, resumed.ResultCode);
        Assert.True(resumed.IsSessionPresent);
        Assert.Equal(MqttClientPublishReasonCode.Success, own.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, previousOwners.ReasonCode);
    }
}
