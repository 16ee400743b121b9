using System.Collections.Concurrent;
using System.Text;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using MQTTnet;
using MQTTnet.Protocol;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Sparkplug;
using PharmaMes.Infrastructure.Sparkplug.Protocol;
using PharmaMes.Infrastructure.Tests.Messaging;
using static PharmaMes.Infrastructure.Tests.Sparkplug.SparkplugPayloads;

namespace PharmaMes.Infrastructure.Tests.Sparkplug;

/// <summary>
/// An edge node speaking Sparkplug B to the running MES (embedded broker, demo plant): its
/// device's metrics become the equipment's tags, a seq gap is quarantined and answered with a
/// rebirth request, an unknown device is set aside with the reason, a device death takes the
/// equipment Offline, and the MES's STATE says it is online.
/// </summary>
public class SparkplugHostIngest
{
    [Fact]
    public async Task AnEdgeNodesDeviceFeedsItsEquipmentAndWhatCannotBePlacedIsQuarantinedWithARebirthRequest()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var edgeNode = await live.ConnectAsync();
        var received = new ConcurrentQueue<(string Topic, byte[] Payload)>();
        edgeNode.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue((e.ApplicationMessage.Topic, System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
        await edgeNode.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("spBv1.0/STATE/+").WithTopicFilter("spBv1.0/PLANT1/NCMD/OSD-L1").Build());
        Assert.True(await Eventually.TrueAsync(() => received.Any(m => m.Topic == "spBv1.0/STATE/pharmames"
            && Encoding.UTF8.GetString(m.Payload).Contains("\"online\":true"))), "the MES should publish its STATE, online");

        var now = LiveMesHost.Now();
        var birth = now.AddSeconds(-30);
        await SendAsync(edgeNode, "NBIRTH", null, Stamped(Payload(0, BdSeq(0)), birth));
        await SendAsync(edgeNode, "DBIRTH", "TP-01", Stamped(Payload(1, Double("speed", 1, 3000, "tablets/min"), Double("compression_force", 2, 15)), birth));
        await SendAsync(edgeNode, "DBIRTH", "XX-99", Stamped(Payload(2, Double("speed", 1, 10)), birth));
        var reading = now.AddSeconds(-20);
        await SendAsync(edgeNode, "DDATA", "TP-01", Payload(3, new SparkplugMetric { Alias = 1, DoubleValue = 3100, Timestamp = Ms(reading) }));

        var press = await live.EquipmentIdAsync("TP-01");
        var speeds = await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples
            .Where(s => s.Channel!.EquipmentId == press && s.Channel!.Tag == "speed" && s.Time >= birth).OrderBy(s => s.Time)
            .Select(s => new { s.Time, s.Value }).ToListAsync()), rows => rows.Count >= 2);
        Assert.Equal([(birth, 3000d), (reading, 3100d)], speeds.Select(s => (s.Time, s.Value)));
        var unmapped = await Eventually.GetAsync(() => live.QueryAsync(db => db.QuarantinedMessages
            .Where(q => q.ReasonCode == QuarantineReason.SparkplugUnmapped).ToListAsync()), rows => rows.Count >= 1);
        Assert.Contains("XX-99", Assert.Single(unmapped).Detail);

        // Seq 4 and 5 never arrive.
        await SendAsync(edgeNode, "DDATA", "TP-01", Payload(6, ByAlias(1, 9999)));
        var rebirth = await Eventually.GetAsync(() => Task.FromResult(received.Where(m => m.Topic == "spBv1.0/PLANT1/NCMD/OSD-L1").ToList()), l => l.Count >= 1);
        var command = SparkplugPayload.Parser.ParseFrom(rebirth[0].Payload);
        Assert.Equal(("Node Control/Rebirth", true), (command.Metrics[0].Name, command.Metrics[0].BooleanValue));
        var quarantined = await Eventually.GetAsync(() => live.QueryAsync(db => db.QuarantinedMessages
            .Where(q => q.ReasonCode == QuarantineReason.SparkplugRebirth).ToListAsync()), rows => rows.Count >= 1);
        Assert.Contains("has seq 6, expected 4", quarantined[0].Detail);
        Assert.Contains("9999", quarantined[0].PayloadExcerpt); // readable, as JSON
        // Counted by reason for the metrics, once each row is written.
        var ingest = live.Get<IngestMetrics>();
        Assert.True(await Eventually.TrueAsync(() => ingest.QuarantinedByReason.GetValueOrDefault(QuarantineReason.SparkplugRebirth) >= 1
            && ingest.QuarantinedByReason.GetValueOrDefault(QuarantineReason.SparkplugUnmapped) >= 1),
            $"quarantined by reason: {string.Join(", ", ingest.QuarantinedByReason.Select(r => $"{r.Key}={r.Value}"))}");
        Assert.Equal(0, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press && s.Value == 9999)));
        var node = Assert.Single(live.Get<SparkplugHost>().Nodes);
        Assert.NotNull(node.RebirthRequestedAt);

        // Born again; then the press's device dies.
        await SendAsync(edgeNode, "NBIRTH", null, Payload(0, BdSeq(1)));
        await SendAsync(edgeNode, "DBIRTH", "TP-01", Payload(1, Double("speed", 1, 3050)));
        var death = LiveMesHost.Now();
        await SendAsync(edgeNode, "DDEATH", "TP-01", Stamped(Payload(2), death));
        var offline = await Eventually.GetAsync(() => live.QueryAsync(db => db.StateIntervals
            .Where(s => s.EquipmentId == press && s.State == EquipmentState.Offline && s.EndedAt == null).ToListAsync()), rows => rows.Count == 1);
        Assert.Equal(death, offline[0].StartedAt);
        node = Assert.Single(live.Get<SparkplugHost>().Nodes);
        Assert.Equal((true, 1ul, 2), (node.Online, node.BdSeq, node.Seq));
        Assert.Null(node.RebirthRequestedAt);
        Assert.False(node.Devices.Single(d => d.Device == "TP-01").Online);
    }

    private static SparkplugPayload Stamped(SparkplugPayload payload, DateTimeOffset at)
    {
        payload.Timestamp = Ms(at);
        return payload;
    }

    private static Task SendAsync(IMqttClient edgeNode, string type, string? device, SparkplugPayload payload) =>
        edgeNode.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"spBv1.0/PLANT1/{type}/OSD-L1" + (device is null ? "" : "/" + device))
            .WithPayload(payload.ToByteArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build());
}
