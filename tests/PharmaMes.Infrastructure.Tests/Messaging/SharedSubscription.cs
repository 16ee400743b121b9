using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Messaging;
using Xunit.Abstractions;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// Two MES nodes in one Mqtt:SharedGroup subscribe as <c>$share/{group}/...</c> at one Mosquitto,
/// which hands each message to one of them: they split the work and nothing is stored twice.
/// </summary>
public class SharedSubscription(ITestOutputHelper output)
{
    private const int Messages = 2_000;

    /// <summary>Four equipment of the demo plant, a tag each and a normal value; message n goes to equipment n % 4.</summary>
    private static readonly (string Code, string Topic, string Values)[] Equipment =
    [
        ("TP-01", TabletPress, "\"speed\":3000"),
        ("BR-01", Bioreactor, "\"temperature\":37.0"),
        ("FBD-01", Dryer, "\"air_flow\":1000"),
        ("GRAN-01", "mes/PLANT1/OSD/OSD-L1/GRAN-01", "\"impeller_speed\":220"),
    ];

    [Fact]
    public async Task TwoNodesInOneSharedGroupEachStoreSomeAndTogetherEveryMessageExactlyOnce()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        await using var nodeA = await LiveMesHost.StartExternalAsync(mosquitto.Port, "mes-node-a-" + Guid.NewGuid().ToString("N")[..6], sharedGroup: "mes-nodes");
        await using var nodeB = await LiveMesHost.StartExternalAsync(mosquitto.Port, "mes-node-b-" + Guid.NewGuid().ToString("N")[..6], sharedGroup: "mes-nodes");
        Assert.Equal("$share/mes-nodes/mes/+/+/+/+/+", nodeA.Get<IEnumerable<IHostedService>>().OfType<MqttIngestClient>().Single().TopicFilter);
        await using var publisher = new NumberedPublisher(mosquitto.Port);
        var t0 = Now().AddMinutes(-1);

        await publisher.PublishAsync(Messages, n =>
        {
            var (_, topic, values) = Equipment[n % Equipment.Length];
            return ($"{topic}/telemetry", TelemetryJson(t0.AddMilliseconds(n), values));
        });
        Assert.Empty(publisher.Refused);
        Assert.Equal(Enumerable.Range(0, Messages), publisher.Acknowledged);

        var stored = await Eventually.GetAsync(async () => (A: await StoredAsync(nodeA), B: await StoredAsync(nodeB)),
            both => both.A.Count + both.B.Count >= Messages, TimeSpan.FromSeconds(30));
        output.WriteLine($"node A stored {stored.A.Count}, node B {stored.B.Count}");
        Assert.NotEmpty(stored.A);
        Assert.NotEmpty(stored.B);
        Assert.Empty(stored.A.Intersect(stored.B));
        var expected = Enumerable.Range(0, Messages).Select(n => (Equipment[n % Equipment.Length].Code, t0.AddMilliseconds(n)));
        Assert.Equal(expected.Order(), stored.A.Concat(stored.B).Order());
        Assert.Equal(Messages, nodeA.Get<IngestMetrics>().Persisted + nodeB.Get<IngestMetrics>().Persisted);
        Assert.Equal(0, nodeA.Get<IngestMetrics>().Quarantined + nodeB.Get<IngestMetrics>().Quarantined);
    }

    /// <summary>What one node stored, as (equipment code, time): each node has its own database and ids.</summary>
    private static async Task<List<(string Code, DateTimeOffset Time)>> StoredAsync(LiveMesHost node)
    {
        var codes = new Dictionary<Guid, string>();
        foreach (var (code, _, _) in Equipment)
            codes[await node.EquipmentIdAsync(code)] = code;
        var ids = codes.Keys.ToList();
        // The demo's batch history holds readings of its own, hours older than these.
        var since = DateTimeOffset.UtcNow.AddHours(-1);
        var rows = await node.QueryAsync(db => db.TelemetrySamples.Where(s => ids.Contains(s.Channel!.EquipmentId) && s.Time >= since)
            .Select(s => new { s.Channel!.EquipmentId, s.Time }).ToListAsync());
        return [.. rows.Select(r => (codes[r.EquipmentId], r.Time))];
    }
}
