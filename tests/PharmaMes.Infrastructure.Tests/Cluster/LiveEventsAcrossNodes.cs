using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Cluster;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Tests.Messaging;
using PharmaMes.Testing;

namespace PharmaMes.Infrastructure.Tests.Cluster;

/// <summary>Two nodes' live events through a real Redis: each hears the other's, never its own twice, and scopes hold.</summary>
public class LiveEventsAcrossNodes
{
    private sealed class Node : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        public LiveEvents Events { get; } = new(NullLogger<LiveEvents>.Instance);
        public RedisConnection Redis { get; }
        public RedisLiveEventRelay Relay { get; }

        public CapturedLogs Logs { get; } = new();

        public Node(RedisServer server)
        {
            Redis = new RedisConnection(new RedisOptions(server.ConnectionString, "test"), NullLogger<RedisConnection>.Instance);
            Relay = new RedisLiveEventRelay(Events, Redis, new NodeInstance("test-node"), LoggerFactory.Create(b => b.AddProvider(Logs)).CreateLogger<RedisLiveEventRelay>());
        }

        public async Task StartAsync()
        {
            await Relay.StartAsync(_stop.Token);
            // Subscribed to the channel once it is attached: until then a publish would not be relayed.
            var probe = new EquipmentBatchChanged("probe");
            Assert.True(await Eventually.TrueAsync(() => { Relay.Send(probe); return Relay.Sent > 0; }), "the relay never sent");
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Relay.StopAsync(CancellationToken.None);
            await Redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task EachNodeHearsTheOthersEventsOnceAndThisNodeSubscribersOnlyTheirOwn()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = new Node(redis);
        await using var b = new Node(redis);
        await a.StartAsync();
        await b.StartAsync();

        var heardOnB = new ConcurrentQueue<object>();
        var ownOnB = new ConcurrentQueue<object>();
        var heardOnA = new ConcurrentQueue<object>();
        using var s1 = b.Events.Subscribe<TelemetryUpdated>(heardOnB.Enqueue);
        using var s2 = b.Events.Subscribe<EquipmentStateChanged>(heardOnB.Enqueue);
        using var s3 = b.Events.Subscribe<CommittedChanges>(heardOnB.Enqueue);
        using var s4 = b.Events.Subscribe<AlertRaised>(heardOnB.Enqueue);
        using var s8 = b.Events.Subscribe<PlanChanged>(heardOnB.Enqueue);
        using var s5 = b.Events.Subscribe<EquipmentStateChanged>(ownOnB.Enqueue, LiveEventScope.ThisNode);
        using var s6 = a.Events.Subscribe<EquipmentStateChanged>(heardOnA.Enqueue);
        var othersOnB = new ConcurrentQueue<object>();
        using var s7 = b.Events.Subscribe<EquipmentStateChanged>(othersOnB.Enqueue, LiveEventScope.OtherNodes);

        var at = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
        var telemetry = new TelemetryUpdated("TP-01", "OSD-L1", at, new Dictionary<string, double> { ["compressionForce"] = 18.5, ["speed"] = 42 });
        var down = new EquipmentStateChanged("TP-01", "OSD-L1", EquipmentState.Down, at, "Punch breakage");
        var alert = new AlertRaised(Guid.NewGuid(), AlertKind.Excursion, "TP-01", "Compression force high", at);
        var material = Guid.NewGuid();
        var committed = new CommittedChanges(true, new HashSet<Guid> { material }, new HashSet<string> { "B-2026-0001" })
        {
            EquipmentChanged = new HashSet<string> { "TP-01" },
            PlantChanged = true,
            HistoryChanged = new Dictionary<Guid, DateTimeOffset> { [material] = at },
        };
        a.Events.Publish(telemetry);
        a.Events.Publish(down);
        a.Events.Publish(alert);
        a.Events.Publish(committed);
        // A plan made on A: the planning board on B reads it again.
        var planned = new PlanChanged(at);
        a.Events.Publish(planned);

        Assert.True(await Eventually.TrueAsync(() => heardOnB.Count >= 5), $"B heard {heardOnB.Count} of 5: {string.Join("; ", b.Logs.Lines.Select(l => l.Text))}");
        var heard = heardOnB.ToList();
        var t = Assert.IsType<TelemetryUpdated>(Assert.Single(heard, e => e is TelemetryUpdated));
        Assert.Equal((telemetry.EquipmentCode, telemetry.LineCode, telemetry.At), (t.EquipmentCode, t.LineCode, t.At));
        Assert.Equal(telemetry.Values.OrderBy(v => v.Key), t.Values.OrderBy(v => v.Key));
        Assert.Equal(down, Assert.Single(heard, e => e is EquipmentStateChanged));
        Assert.Equal(alert, Assert.Single(heard, e => e is AlertRaised));
        Assert.Equal(planned, Assert.Single(heard, e => e is PlanChanged));
        var c = Assert.IsType<CommittedChanges>(Assert.Single(heard, e => e is CommittedChanges));
        Assert.True(c.OutboxWritten && c.PlantChanged);
        Assert.Equal([material], c.MaterialsWithStockChange);
        Assert.Equal(["B-2026-0001"], c.BatchesChanged);
        Assert.Equal(["TP-01"], c.EquipmentChanged);
        Assert.Equal(at, c.HistoryChanged[material]);

        // B publishes one of its own: its this-node subscriber hears it, and A hears it once.
        var running = down with { State = EquipmentState.Running, Reason = null };
        b.Events.Publish(running);
        Assert.True(await Eventually.TrueAsync(() => heardOnA.Count >= 2), $"A heard {heardOnA.Count} of 2");
        Assert.Equal([running], ownOnB);
        Assert.Equal([down], othersOnB);
        // A's own event reached A once, in-process, not a second time back through Redis.
        await Task.Delay(300);
        Assert.Equal([down, running], heardOnA);
        Assert.Equal(5, heardOnB.Count(e => e is not EquipmentStateChanged { State: EquipmentState.Running }));
    }

    [Fact]
    public async Task ReadinessIsDegradedWhileRedisIsAway()
    {
        var redis = await RedisServer.StartAsync();
        await using var node = new Node(redis);
        await node.StartAsync();
        var check = new RedisHealthCheck(node.Redis);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        await redis.DisposeAsync();

        var result = await Eventually.GetAsync(() => check.CheckHealthAsync(new HealthCheckContext()), r => r.Status == HealthStatus.Degraded);
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("miss what other nodes do", result.Description);
    }
}
