using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.LoadGenerator;
using PharmaMes.Testing;

namespace PharmaMes.Benchmarks;

/// <summary>
/// Hub clients spread over two nodes (every other client on each), all following the line, while devices publish at a
/// steady rate into the shared subscription: each client should hear every reading once, whichever node stored it (the
/// node's own clients directly, the other's through SignalR's Redis backplane). Prints delivered/expected and the latency
/// from the device's timestamp to the client's receipt.
/// </summary>
internal static class ClusterHubBenchmark
{
    private sealed class Node(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Erp:Folder", "");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        }

        public string Start()
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        }
    }

    public static async Task<int> RunAsync(int brokerPort, PostgresServer postgres, RedisServer redis, int equipment, int clients, int seconds)
    {
        const double rate = 20;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PHARMAMES_WEB", Path.Combine(Testing.RepositoryFolder.Root, "src", "PharmaMes.Web"));

        var database = await postgres.CreateDatabaseAsync();
        using var a = new Node(ClusterBenchmark.NodeSettings(database, redis, brokerPort, "bench-hub", "bench-hub-a"));
        var urlA = a.Start();
        await BenchmarkPlant.SeedAsync(a.Services.GetRequiredService<IDbContextFactory<MesDbContext>>(), equipment);
        using var b = new Node(ClusterBenchmark.NodeSettings(database, redis, brokerPort, "bench-hub", "bench-hub-b"));
        var urlB = b.Start();
        foreach (var node in new[] { a, b })
            node.Services.GetRequiredService<PlantDirectory>().Invalidate();
        var key = await a.Services.GetRequiredService<ApiKeyService>().IssueAsync("hub benchmark", "benchmark");

        var received = new long[clients];
        var latencies = new List<double>(clients * (int)(rate * seconds));
        var measuring = false;
        var connections = new HubConnection[clients];
        for (var i = 0; i < clients; i++)
        {
            var client = i;
            connections[i] = new HubConnectionBuilder()
                .WithUrl((i % 2 == 0 ? urlA : urlB) + "/hubs/plant", o => o.Headers["X-Api-Key"] = key.Key)
                .Build();
            connections[i].On<JsonElement>("TelemetryUpdated", e =>
            {
                if (!Volatile.Read(ref measuring))
                    return;
                var at = e.GetProperty("at").GetDateTimeOffset();
                Interlocked.Increment(ref received[client]);
                lock (latencies) latencies.Add((DateTimeOffset.UtcNow - at).TotalMilliseconds);
            });
        }
        // Connected a few at a time, as screens come up; every client follows the line.
        foreach (var group in connections.Chunk(25))
            await Task.WhenAll(group.Select(async c =>
            {
                await c.StartAsync();
                await c.InvokeAsync("SubscribeLine", "OSD-L1");
            }));
        Console.WriteLine($"{clients} hub clients over WebSockets ({(clients + 1) / 2} on {urlA}, {clients / 2} on {urlB}); " +
            $"{rate:0} readings/s for {seconds} s over {equipment} equipment into the shared subscription");

        Volatile.Write(ref measuring, true);
        var published = await new TelemetryPublisher(new PublisherOptions
        {
            Port = brokerPort,
            MessagesPerSecond = rate,
            TotalMessages = (long)(rate * seconds),
            EquipmentCount = equipment,
            QualityOfService = 1,
            Seed = 11,
        }).RunAsync();
        // The last readings are still on their way to the clients.
        var expected = published.Acknowledged * clients;
        var drain = DateTime.UtcNow.AddSeconds(10);
        while (received.Sum() < expected && DateTime.UtcNow < drain)
            await Task.Delay(100);
        Volatile.Write(ref measuring, false);
        var storedA = a.Services.GetRequiredService<IngestMetrics>().Persisted;
        var storedB = b.Services.GetRequiredService<IngestMetrics>().Persisted;

        double[] sorted;
        lock (latencies) sorted = [.. latencies.Order()];
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var delivered = received.Sum();
        var ratio = expected == 0 ? 0 : (double)delivered / expected;
        Console.WriteLine($"published {published.Acknowledged:#,0} readings (node A stored {storedA:#,0}, node B {storedB:#,0}); " +
            $"delivered {delivered:#,0} of {expected:#,0} expected ({ratio:0.0000}), fewest to one client {received.Min():#,0}");
        Console.WriteLine($"latency device timestamp -> hub client: p50 {P(0.50):0.0} ms, p99 {P(0.99):0.0} ms, max {sorted.LastOrDefault():0.0} ms");
        Console.WriteLine($"RESULT cluster-hub clients={clients} rate={rate:0} delivered={delivered} expected={expected} ratio={ratio:0.0000} " +
            $"p50_ms={P(0.50):0.0} p99_ms={P(0.99):0.0}");
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        // Each node stored a share, and every client heard readings.
        return delivered > 0 && storedA > 0 && storedB > 0 && received.Min() > 0 ? 0 : 1;
    }
}
