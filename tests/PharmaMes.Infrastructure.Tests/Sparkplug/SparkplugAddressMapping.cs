using System.Collections.Concurrent;
using System.Text;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using MQTTnet;
using MQTTnet.Protocol;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Plant.Model;
using PharmaMes.Infrastructure.Sparkplug.Protocol;
using PharmaMes.Infrastructure.Tests.Messaging;
using static PharmaMes.Infrastructure.Tests.Sparkplug.SparkplugPayloads;

namespace PharmaMes.Infrastructure.Tests.Sparkplug;

/// <summary>
/// A gateway whose names cannot change: the plant model gives the tablet press its Sparkplug address
/// and its speed tag a metric name, and the gateway's device then feeds that equipment's tags
/// (running MES, embedded broker, demo plant). What the model does not place is quarantined naming both rules.
/// </summary>
public class SparkplugAddressMapping
{
    private static readonly AuditActor Engineer = new(null, "eng.e", "Gateway GW-7 commissioning, CC-2026-201");

    [Fact]
    public async Task AGatewayDeviceWithTheEquipmentsAddressFeedsItsTagsByTheirMetricNames()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var plant = live.Get<PlantEngineeringService>();
        var press = (await plant.ExportAsync()).Sites.SelectMany(s => s.Areas).SelectMany(a => a.Lines).SelectMany(l => l.Equipment).Single(e => e.Code == "TP-01");
        await plant.ChangeEquipmentSettingsAsync("TP-01", press.Settings!, new SparkplugAddress("Gateway_A", "PLC-7", "Press1"), Engineer);
        var speed = press.Tags.Single(t => t.Name == "speed");
        await plant.ReviseTagAsync("TP-01", speed with { SparkplugMetric = "Motor/Speed" }, Engineer);

        var edgeNode = await live.ConnectAsync();
        var received = new ConcurrentQueue<string>();
        edgeNode.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
        await edgeNode.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("spBv1.0/STATE/+").Build());
        Assert.True(await Eventually.TrueAsync(() => received.Any(m => m.Contains("\"online\":true"))), "the MES should publish its STATE, online");

        var birth = LiveMesHost.Now().AddSeconds(-30);
        await SendAsync(edgeNode, "NBIRTH", null, Stamped(Payload(0, BdSeq(0)), birth));
        await SendAsync(edgeNode, "DBIRTH", "Press1", Stamped(Payload(1, Double("Motor/Speed", 1, 3000, "tablets/min"), Double("compression_force", 2, 15)), birth));
        var reading = LiveMesHost.Now().AddSeconds(-20);
        await SendAsync(edgeNode, "DDATA", "Press1", Payload(2, new SparkplugMetric { Alias = 1, DoubleValue = 3100, Timestamp = Ms(reading) }));
        await SendAsync(edgeNode, "DBIRTH", "Press2", Stamped(Payload(3, Double("speed", 1, 10)), birth));

        var pressId = await live.EquipmentIdAsync("TP-01");
        var speeds = await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples
            .Where(s => s.Channel!.EquipmentId == pressId && s.Channel!.Tag == "speed" && s.Time >= birth).OrderBy(s => s.Time)
            .Select(s => new { s.Time, s.Value }).ToListAsync()), rows => rows.Count >= 2);
        Assert.Equal([(birth, 3000d), (reading, 3100d)], speeds.Select(s => (s.Time, s.Value)));
        // A metric without a metric name of its own is the tag of that name.
        var force = await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples
            .Where(s => s.Channel!.EquipmentId == pressId && s.Channel!.Tag == "compression_force" && s.Time == birth)
            .Select(s => s.Value).ToListAsync()), rows => rows.Count >= 1);
        Assert.Equal(15d, Assert.Single(force));

        var unmapped = await Eventually.GetAsync(() => live.QueryAsync(db => db.QuarantinedMessages
            .Where(q => q.ReasonCode == QuarantineReason.SparkplugUnmapped).ToListAsync()), rows => rows.Count >= 1);
        var detail = Assert.Single(unmapped).Detail;
        Assert.Contains("no equipment has Sparkplug address Gateway_A/PLC-7/Press2", detail);
        Assert.Contains("default rule", detail);
    }

    [Fact]
    public async Task ThePlantSnapshotFindsEquipmentByItsAddressWithoutRegardToCase()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var plant = live.Get<PlantEngineeringService>();
        var press = (await plant.ExportAsync()).Sites.SelectMany(s => s.Areas).SelectMany(a => a.Lines).SelectMany(l => l.Equipment).Single(e => e.Code == "TP-01");
        await plant.ChangeEquipmentSettingsAsync("TP-01", press.Settings!, new SparkplugAddress("Gateway_A", "PLC-7", "Press1"), Engineer);

        var snapshot = await live.Get<PlantDirectory>().GetAsync(CancellationToken.None);

        Assert.Equal("TP-01", snapshot.BySparkplugAddress!["gateway_a/plc-7/PRESS1"].Code);
        Assert.Equal("speed", snapshot.ByCode["TP-01"].TagOfMetric("speed"));
        Assert.Null(snapshot.ByCode["TP-01"].TagOfMetric("Motor/Speed"));
    }

    private static SparkplugPayload Stamped(SparkplugPayload payload, DateTimeOffset at)
    {
        payload.Timestamp = Ms(at);
        return payload;
    }

    private static Task SendAsync(IMqttClient edgeNode, string type, string? device, SparkplugPayload payload) =>
        edgeNode.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"spBv1.0/Gateway_A/{type}/PLC-7" + (device is null ? "" : "/" + device))
            .WithPayload(payload.ToByteArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build());
}
