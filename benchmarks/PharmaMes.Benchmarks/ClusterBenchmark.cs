using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.LoadGenerator;
using PharmaMes.Testing;

namespace PharmaMes.Benchmarks;

/// <summary>
/// Several nodes as docs/deployment.md lays them out: one PostgreSQL, one Redis, one Mosquitto, nodes sharing the devices'
/// messages by <c>$share/{Mqtt:SharedGroup}/...</c>. First the same publisher against the same Mosquitto, received by a bare
/// subscriber that only counts, by one MES node, and by two nodes side by side; then hub clients spread over two nodes
/// (<see cref="ClusterHubBenchmark"/>). Every node runs in this process: on one machine the nodes share its cores either way.
/// </summary>
internal static class ClusterBenchmark
{
    /// <summary>The nodes' shared audit key and their checkpoint files, for this run.</summary>
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "pharmames-bench", "cluster-" + Guid.NewGuid().ToString("N")[..8]);

    public static async Task<int> RunAsync(long messages, int equipment, int window, int clients, int seconds)
    {
        Directory.CreateDirectory(Folder);
        await using var mosquitto = await MosquittoBroker.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        Console.WriteLine($"Mosquitto on 127.0.0.1:{mosquitto.Port}, PostgreSQL on {postgres.Port}, Redis on {redis.Port}; " +
            $"{messages:#,0} telemetry messages of 5 values, {equipment} equipment, QoS 1, {window} in flight");

        // Warm-up of the broker and the publisher, not measured.
        await IngestBenchmark.BareAsync(mosquitto.Port, Math.Min(messages / 10, 20_000), equipment, window);
        var bare = await IngestBenchmark.BareAsync(mosquitto.Port, messages, equipment, window);
        Console.WriteLine($"bare subscriber:      {bare.Rate,10:#,0} msg/s  received {bare.Received:#,0}");

        var one = await NodesAsync(mosquitto.Port, postgres, redis, 1, messages, equipment, window);
        Console.WriteLine($"MES, one node:        {one.Rate,10:#,0} msg/s  stored {one.Stored:#,0} ({string.Join(" + ", one.PerNode.Select(n => n.ToString("#,0")))})");
        var two = await NodesAsync(mosquitto.Port, postgres, redis, 2, messages, equipment, window);
        Console.WriteLine($"MES, two nodes:       {two.Rate,10:#,0} msg/s  stored {two.Stored:#,0} ({string.Join(" + ", two.PerNode.Select(n => n.ToString("#,0")))})");
        Console.WriteLine($"ratio to bare: one node {one.Rate / bare.Rate:0.00}, two nodes {two.Rate / bare.Rate:0.00}; two nodes/one node {two.Rate / one.Rate:0.00}");
        var lost = (messages - one.Stored) + (messages - two.Stored) + (messages - bare.Received);
        Console.WriteLine($"RESULT cluster-ingest bare_msg_s={bare.Rate:0} one_node_msg_s={one.Rate:0} two_nodes_msg_s={two.Rate:0} " +
            $"one_node_ratio={one.Rate / bare.Rate:0.00} two_nodes_ratio={two.Rate / bare.Rate:0.00} lost={lost}");

        var hub = await ClusterHubBenchmark.RunAsync(mosquitto.Port, postgres, redis, equipment, clients, seconds);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return lost == 0 && hub == 0 ? 0 : 1;
    }

    /// <summary><paramref name="nodes"/> MES nodes on a new database; the rate runs until every message is stored.</summary>
    private static async Task<(double Rate, long Stored, long[] PerNode)> NodesAsync(int brokerPort, PostgresServer postgres, RedisServer redis,
        int nodes, long messages, int equipment, int window)
    {
        var database = await postgres.CreateDatabaseAsync();
        var hosts = new List<IHost>();
        try
        {
            var group = $"bench-{nodes}-nodes";
            for (var i = 0; i < nodes; i++)
                hosts.Add(await StartNodeAsync(NodeSettings(database, redis, brokerPort, group, $"{group}-{i}"), seed: i == 0 ? equipment : 0));
            var metrics = hosts.Select(h => h.Services.GetRequiredService<IngestMetrics>()).ToList();
            while (!metrics.All(m => m.BrokerConnected))
                await Task.Delay(50);

            var clock = Stopwatch.StartNew();
            await new TelemetryPublisher(IngestBenchmark.Publisher(brokerPort, messages, equipment, window)).RunAsync();
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (metrics.Sum(m => m.Persisted) < messages && DateTime.UtcNow < deadline)
                await Task.Delay(5);
            var elapsed = clock.Elapsed;
            var perNode = metrics.Select(m => m.Persisted).ToArray();

            // Stored once: what the database holds, not what the nodes counted.
            await using var db = await hosts[0].Services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync();
            var stored = await db.TelemetrySamples.LongCountAsync() / 5;
            return (perNode.Sum() / elapsed.TotalSeconds, stored, perNode);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }

    /// <summary>
    /// One node's settings as docs/deployment.md gives them: the shared database, Redis, the external broker and its group.
    /// Each part of the run has a group of its own: the broker keeps a stopped node's session, and with it its share of
    /// the group's messages, until the node is back.
    /// </summary>
    internal static Dictionary<string, string?> NodeSettings(string database, RedisServer redis, int brokerPort, string group, string clientId) => new()
    {
        ["Audit:ChainKeyFile"] = Path.Combine(Folder, "audit-chain.key"),
        ["Audit:CheckpointFile"] = Path.Combine(Folder, clientId + ".checkpoints"),
        ["Mqtt:Broker:AllowAnonymous"] = "false",
        // A new database has no migrations history yet: EF logs the failed first read as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Mes"] = database,
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["Mqtt:Broker:Mode"] = "External",
        ["Mqtt:Broker:Host"] = "127.0.0.1",
        ["Mqtt:Broker:Port"] = brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mqtt:SharedGroup"] = group,
        ["Mqtt:ClientId"] = clientId,
        ["Node:Name"] = clientId,
        ["Demo:Enabled"] = "false",
    };

    /// <summary>A node without its web part (ingest, live events, jobs); the first one seeds the benchmark plant.</summary>
    private static async Task<IHost> StartNodeAsync(Dictionary<string, string?> settings, int seed)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        builder.AddInfrastructure();
        var host = builder.Build();
        await MesStartup.InitializeAsync(host.Services);
        if (seed > 0)
            await BenchmarkPlant.SeedAsync(host.Services.GetRequiredService<IDbContextFactory<MesDbContext>>(), seed);
        await host.StartAsync();
        return host;
    }
}
