using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Sparkplug;
using PharmaMes.Infrastructure.Sparkplug.Protocol;
using PharmaMes.Infrastructure.Tests.Messaging;
using PharmaMes.Testing;
using static PharmaMes.Testing.SparkplugEdgeNodeProcess;

namespace PharmaMes.Infrastructure.Tests.Sparkplug;

/// <summary>
/// A real Sparkplug B edge node, Cirrus Link's sparkplug-client 3.2.4 from the npm registry, against
/// the MES through its embedded broker and through Mosquitto: its device's metrics become the
/// equipment's tag values, a historical value keeps its own time, a skipped seq makes the MES ask for
/// a rebirth that the client answers, and a device death takes the equipment Offline. Its payloads,
/// byte for byte, are what the MES's decoder reads.
/// </summary>
public class CirrusLinkEdgeNode
{
    private const string DeviceData = "spBv1.0/PLANT1/DDATA/OSD-L1/TP-01";

    [Theory]
    [InlineData("Embedded")]
    [InlineData("Mosquitto")]
    public async Task ItsDeviceFeedsTheEquipmentAndASkippedSeqIsAnsweredWithARebirth(string broker)
    {
        await using var mosquitto = broker == "Mosquitto" ? await MosquittoBroker.StartAsync() : null;
        await using var live = mosquitto is null
            ? await LiveMesHost.StartAsync(allowAnonymous: true)
            : await LiveMesHost.StartExternalAsync(mosquitto.Port);
        await using var edgeNode = Start("--broker", $"mqtt://127.0.0.1:{live.Port}", "--group", "PLANT1", "--edge-node", "OSD-L1",
            "--device", "TP-01", "--metric", "speed=3000:tablets/min", "--metric", "compression_force=15:kN", "--metric", "oil_temperature=41.5:C", "--state", "Idle",
            "--host-id", "pharmames");
        var started = LiveMesHost.Now();
        // It waits for the MES's STATE before its births, as the specification asks.
        var host = await edgeNode.WaitForAsync(e => Is(e, "host"));
        Assert.True((bool)host[0]["online"]!);
        await edgeNode.WaitForAsync(e => Is(e, "born"));
        var press = await live.EquipmentIdAsync("TP-01");

        // The birth's values, then data by alias; a historical value from before keeps its own time.
        var reading = LiveMesHost.Now().AddSeconds(-5);
        var earlier = reading.AddSeconds(-60);
        await edgeNode.SendAsync(new { ddata = "TP-01", values = new { speed = 3100.5, compression_force = 16.25 }, timestamp = reading.ToUnixTimeMilliseconds() });
        await edgeNode.SendAsync(new { ddata = "TP-01", values = new { speed = 2950.0 }, timestamp = earlier.ToUnixTimeMilliseconds(), historical = true });
        var samples = await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples
            .Where(s => s.Channel!.EquipmentId == press && s.Time >= earlier)
            .Select(s => new { s.Channel!.Tag, s.Time, s.Value }).ToListAsync()), rows => rows.Count >= 5);
        Assert.Contains(samples, s => s.Tag == "speed" && s.Time == reading && s.Value == 3100.5);
        Assert.Contains(samples, s => s.Tag == "compression_force" && s.Time == reading && s.Value == 16.25);
        Assert.Contains(samples, s => s.Tag == "speed" && s.Time == earlier && s.Value == 2950);
        Assert.Contains(samples, s => s.Tag == "speed" && s.Value == 3000 && s.Time > reading); // the birth's
        // The press has no tag for the gateway's oil temperature: said once, at the birth, and the tags' values go on.
        var untagged = await live.QueryAsync(db => db.QuarantinedMessages.Where(q => q.ReasonCode == QuarantineReason.SparkplugUnmapped).ToListAsync());
        Assert.Contains("\"oil_temperature\" of device TP-01 are no tags of TP-01", Assert.Single(untagged).Detail);
        // The String metric "state" is the equipment's state: Idle from the birth, then Running.
        var idle = await Eventually.GetAsync(() => live.QueryAsync(db => db.StateIntervals
            .Where(s => s.EquipmentId == press && s.EndedAt == null && s.StartedAt >= started).Select(s => s.State).ToListAsync()), rows => rows.Count == 1);
        Assert.Equal([EquipmentState.Idle], idle);
        var startedRunning = LiveMesHost.Now();
        await edgeNode.SendAsync(new { state = "TP-01", value = "Running", timestamp = startedRunning.ToUnixTimeMilliseconds() });
        var running = await Eventually.GetAsync(() => live.QueryAsync(db => db.StateIntervals
            .Where(s => s.EquipmentId == press && s.EndedAt == null).Select(s => new { s.State, s.StartedAt }).ToListAsync()), rows => rows.Any(r => r.State == EquipmentState.Running));
        Assert.Equal((EquipmentState.Running, startedRunning), (Assert.Single(running).State, running[0].StartedAt));

        // Two seq numbers lost (as QoS 0 may): the next data is kept aside, never guessed, and the node is asked to be born again.
        var lost = LiveMesHost.Now().AddSeconds(-2);
        await edgeNode.SendAsync(new { skip = 2 });
        await edgeNode.SendAsync(new { ddata = "TP-01", values = new { speed = 9999.0 }, timestamp = lost.ToUnixTimeMilliseconds() });
        var command = await edgeNode.WaitForAsync(e => Is(e, "ncmd"));
        Assert.True((bool)command[0]["rebirth"]!);
        await edgeNode.WaitForAsync(e => Is(e, "born"), count: 2);
        var quarantined = await Eventually.GetAsync(() => live.QueryAsync(db => db.QuarantinedMessages
            .Where(q => q.ReasonCode == QuarantineReason.SparkplugRebirth).ToListAsync()), rows => rows.Count >= 1);
        Assert.Contains("9999", Assert.Single(quarantined).PayloadExcerpt);
        // Born again since: the host takes the new NBIRTH a moment after the node has sent it.
        Assert.True(await Eventually.TrueAsync(() => live.Get<SparkplugHost>().Nodes.Single().RebirthRequestedAt is null), "the rebirth request should be answered");
        Assert.True(Assert.Single(live.Get<SparkplugHost>().Nodes).Online);

        var after = LiveMesHost.Now();
        await edgeNode.SendAsync(new { ddata = "TP-01", values = new { speed = 3200.0 }, timestamp = after.ToUnixTimeMilliseconds() });
        await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples
            .CountAsync(s => s.Channel!.EquipmentId == press && s.Channel!.Tag == "speed" && s.Time == after && s.Value == 3200)), n => n == 1);
        // Only the new birth tells the value again, with the birth's time: the data after the gap is never stored.
        Assert.Equal(0, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press && s.Time == lost)));
        Assert.Equal(1, await live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press && s.Value == 9999 && s.Time > lost)));

        // The device dies: the equipment is Offline from the death's time, its Running interval closed.
        var death = LiveMesHost.Now();
        await edgeNode.SendAsync(new { ddeath = "TP-01", timestamp = death.ToUnixTimeMilliseconds() });
        var open = await Eventually.GetAsync(() => live.QueryAsync(db => db.StateIntervals
            .Where(s => s.EquipmentId == press && s.EndedAt == null).ToListAsync()), rows => rows.Any(s => s.State == EquipmentState.Offline));
        Assert.Equal((EquipmentState.Offline, death), (Assert.Single(open).State, open[0].StartedAt));
        Assert.False(Assert.Single(live.Get<SparkplugHost>().Nodes).Devices.Single(d => d.Device == "TP-01").Online);

        // Born again, running: the equipment comes back through Idle (the contract's only way out of Offline), then Running.
        await edgeNode.SendAsync(new { rebirth = true });
        await edgeNode.WaitForAsync(e => Is(e, "born"), count: 3);
        var back = await Eventually.GetAsync(() => live.QueryAsync(db => db.StateIntervals
            .Where(s => s.EquipmentId == press && s.StartedAt > death).OrderBy(s => s.StartedAt).ThenBy(s => s.EndedAt == null)
            .Select(s => new { s.State, s.Reason, s.EndedAt }).ToListAsync()), rows => rows.Count >= 2);
        Assert.Equal([(EquipmentState.Idle, SparkplugTranslation.BackOnlineReason), (EquipmentState.Running, null)], back.Select(s => (s.State, s.Reason)));
        Assert.Null(back[1].EndedAt);
        // Being asked to be born again took nothing Offline: one Offline interval, the death's.
        Assert.Equal(1, await live.QueryAsync(db => db.StateIntervals.CountAsync(s => s.EquipmentId == press && s.State == EquipmentState.Offline && s.StartedAt > earlier)));
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync(q => q.ReasonCode == QuarantineReason.StateRefused)));
    }

    [Fact]
    public async Task ItsPayloadsByteForByteAreWhatTheDecoderReads()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        await using var edgeNode = Start("--broker", $"mqtt://127.0.0.1:{mosquitto.Port}", "--group", "PLANT1", "--edge-node", "OSD-L1",
            "--device", "TP-01", "--metric", "speed=3000:tablets/min", "--state", "Running");
        await edgeNode.WaitForAsync(e => Is(e, "born"));
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_764_979_200_123);
        await edgeNode.SendAsync(new { ddata = "TP-01", values = new { speed = 3125.75 }, timestamp = at.ToUnixTimeMilliseconds() });
        await edgeNode.SendAsync(new { ddata = "TP-01", values = new { speed = 2900.0 }, timestamp = at.AddMinutes(-1).ToUnixTimeMilliseconds(), historical = true });
        await edgeNode.SendAsync(new { ddeath = "TP-01", timestamp = at.ToUnixTimeMilliseconds() });
        await edgeNode.WaitForAsync(e => Is(e, "done"), count: 3);

        var nodeBirth = SparkplugPayload.Parser.ParseFrom(Assert.Single(edgeNode.Published("spBv1.0/PLANT1/NBIRTH/OSD-L1")));
        Assert.Equal(0ul, nodeBirth.Seq);
        var bdSeq = nodeBirth.Metrics.Single(m => m.Name == "bdSeq");
        Assert.Equal(((uint)SparkplugDataType.UInt64, 0ul), (bdSeq.Datatype, bdSeq.LongValue));
        var rebirth = nodeBirth.Metrics.Single(m => m.Name == "Node Control/Rebirth");
        Assert.Equal(((uint)SparkplugDataType.Boolean, false), (rebirth.Datatype, rebirth.BooleanValue));

        var deviceBirth = SparkplugPayload.Parser.ParseFrom(Assert.Single(edgeNode.Published("spBv1.0/PLANT1/DBIRTH/OSD-L1/TP-01")));
        Assert.Equal(1ul, deviceBirth.Seq);
        var speed = deviceBirth.Metrics.Single(m => m.Name == "speed");
        Assert.Equal((1ul, (uint)SparkplugDataType.Double, 3000d), (speed.Alias, speed.Datatype, speed.DoubleValue));
        Assert.Equal("tablets/min", SparkplugMetricReader.Unit(speed));
        var state = deviceBirth.Metrics.Single(m => m.Name == "state");
        Assert.Equal(((uint)SparkplugDataType.String, "Running"), (state.Datatype, state.StringValue));

        var data = edgeNode.Published(DeviceData).Select(SparkplugPayload.Parser.ParseFrom).ToList();
        Assert.Equal([2ul, 3ul], data.Select(p => p.Seq));
        var current = Assert.Single(data[0].Metrics);
        Assert.Equal((1ul, "", 3125.75, (ulong)at.ToUnixTimeMilliseconds(), false), (current.Alias, current.Name, current.DoubleValue, current.Timestamp, current.IsHistorical));
        var historical = Assert.Single(data[1].Metrics);
        Assert.Equal((2900d, true), (historical.DoubleValue, historical.IsHistorical));

        var death = SparkplugPayload.Parser.ParseFrom(Assert.Single(edgeNode.Published("spBv1.0/PLANT1/DDEATH/OSD-L1/TP-01")));
        Assert.Equal((4ul, (ulong)at.ToUnixTimeMilliseconds(), 0), (death.Seq, death.Timestamp, death.Metrics.Count));

        // The same bytes through the MES's edge-node state machine: values with their times and aliases resolved.
        var follower = new SparkplugEdgeNode("PLANT1", "OSD-L1");
        var received = DateTimeOffset.UtcNow;
        follower.Accept(SparkplugTopic.TryParse("spBv1.0/PLANT1/NBIRTH/OSD-L1", out _)!, nodeBirth, received);
        follower.Accept(SparkplugTopic.TryParse("spBv1.0/PLANT1/DBIRTH/OSD-L1/TP-01", out _)!, deviceBirth, received);
        var first = follower.Accept(SparkplugTopic.TryParse(DeviceData, out _)!, data[0], received);
        Assert.Equal((3125.75, at), (Assert.Single(first.Values).Number, first.Values[0].At));
        var outcome = follower.Accept(SparkplugTopic.TryParse(DeviceData, out _)!, data[1], received);
        var value = Assert.Single(outcome.Values);
        Assert.Equal(("speed", 2900d, at.AddMinutes(-1), true), (value.Metric.Name, value.Number, value.At, value.IsHistorical));
        Assert.Equal("tablets/min", value.Metric.Unit);
    }
}
