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
/// Device publish to SignalR client receipt through the whole app (embedded broker, ingest,
/// database commit, hub over WebSockets on Kestrel). Prints p50 and p99.
/// </summary>
internal static class LatencyBenchmark
{
    private sealed class App(int brokerPort, string folder, string synchronous) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Mes", $"Data Source={Path.Combine(folder, "mes.db")}");
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("Erp:Folder", "");
            builder.UseSetting("Database:SqliteSynchronous", synchronous);
            builder.UseSetting("Mqtt:Broker:AllowAnonymous", "false");
            builder.UseSetting("Mqtt:Broker:Port", brokerPort.ToString());
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    public static async Task<int> RunAsync(double rate, int seconds, int equipment, string synchronous)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var brokerPort = FreePort.Next();
        // Outside a test project the factory must be told where the web project lives.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PHARMAMES_WEB", Path.Combine(Testing.RepositoryFolder.Root, "src", "PharmaMes.Web"));
        using var app = new App(brokerPort, folder, synchronous);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await BenchmarkPlant.SeedAsync(app.Services.GetRequiredService<IDbContextFactory<MesDbContext>>(), equipment);
        app.Services.GetRequiredService<PlantDirectory>().Invalidate();
        var key = await app.Services.GetRequiredService<ApiKeyService>().IssueAsync("latency benchmark", "benchmark");
        // Anonymous clients are refused outside demo mode; the publisher uses the MES's own account.
        var mes = app.Services.GetRequiredService<MesBrokerCredentials>();

        var latencies = new List<double>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(url + "/hubs/plant", o => o.Headers["X-Api-Key"] = key.Key)
            .Build();
        hub.On<JsonElement>("TelemetryUpdated", e =>
        {
            var at = e.GetProperty("at").GetDateTimeOffset();
            lock (latencies) latencies.Add((DateTimeOffset.UtcNow - at).TotalMilliseconds);
        });
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeLine", "OSD-L1");

        var messages = (long)(rate * seconds);
        Console.WriteLine($"App on {url}, embedded broker on 127.0.0.1:{brokerPort}; {messages:#,0} messages at {rate:#,0}/s for {seconds} s over {equipment} equipment, QoS 1; hub client over WebSockets; SQLite synchronous={synchronous}");
        var published = await new TelemetryPublisher(new PublisherOptions
        {
            Port = brokerPort,
            Username = mes.Username,
            Password = mes.Password,
            TotalMessages = messages,
            MessagesPerSecond = rate,
            EquipmentCount = equipment,
            QualityOfService = 1,
            Seed = 7,
        }).RunAsync();
        await Task.Delay(2_000);

        double[] sorted;
        lock (latencies) sorted = [.. latencies.Order()];
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"published {published.Sent:#,0} at {published.MessagesPerSecond:#,0}/s, hub client received {sorted.Length:#,0}");
        Console.WriteLine($"latency device publish -> hub client: p50 {P(0.50):0.0} ms, p90 {P(0.90):0.0} ms, p99 {P(0.99):0.0} ms, max {sorted.LastOrDefault():0.0} ms");
        Console.WriteLine($"RESULT latency synchronous={synchronous} rate={rate:0} received={sorted.Length} p50_ms={P(0.50):0.0} p99_ms={P(0.99):0.0}");
        await hub.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return sorted.Length > 0 ? 0 : 1;
    }
}
