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
/// The same publisher against the same Mosquitto, received first by a bare subscriber that only
/// counts, then by the MES ingest (validate, persist, acknowledge, push). Prints both rates and the ratio.
/// Then the same for Sparkplug B DDATA through the MES's Sparkplug host (<see cref="SparkplugIngestBenchmark"/>).
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(long messages, int equipment, int window, string synchronous)
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        Console.WriteLine($"Mosquitto on 127.0.0.1:{mosquitto.Port}; {messages:#,0} telemetry messages of 5 values, {equipment} equipment, QoS 1, {window} in flight");

        // Warm-up of the broker and the publisher (JIT, connections), not measured.
        await BareAsync(mosquitto.Port, Math.Min(messages / 10, 20_000), equipment, window);
        var bare = await BareAsync(mosquitto.Port, messages, equipment, window);
        Console.WriteLine($"bare subscriber: {bare.Rate,10:#,0} msg/s  received {bare.Received:#,0}, lost {bare.Lost:#,0}");

        var mes = await MesAsync(mosquitto.Port, messages, equipment, window, synchronous);
        Console.WriteLine($"MES ingest ({synchronous,-6}):{mes.Rate,10:#,0} msg/s  stored {mes.Stored:#,0} messages ({mes.Samples:#,0} samples), lost {messages - mes.Stored:#,0}, quarantined {mes.Quarantined:#,0}");
        Console.WriteLine($"ratio MES/bare:  {mes.Rate / bare.Rate:0.00}");

        // The embedded broker acknowledges a device once its message is in the ingest journal (or,
        // with the journal off, once it is stored), and MQTT reads a connection's messages one after
        // the other: measured with a connection per equipment (as devices connect) and with
        // everything through one connection (a gateway).
        var devices = await EmbeddedAsync(messages, equipment, window, synchronous, oneConnection: false, journal: true);
        Console.WriteLine($"MES embedded, journal, {equipment} connections:{devices.Rate,10:#,0} msg/s  stored {devices.Stored:#,0} of {devices.Sent:#,0}");
        var gatewayMessages = Math.Min(messages, 20_000);
        var gateway = await EmbeddedAsync(gatewayMessages, equipment, window, synchronous, oneConnection: true, journal: true);
        Console.WriteLine($"MES embedded, journal, 1 connection:{gateway.Rate,10:#,0} msg/s  stored {gateway.Stored:#,0} of {gateway.Sent:#,0}");
        var commitMessages = Math.Min(messages, 50_000);
        var commit = await EmbeddedAsync(commitMessages, equipment, window, synchronous, oneConnection: false, journal: false);
        Console.WriteLine($"MES embedded, PUBACK after commit, {equipment} connections:{commit.Rate,10:#,0} msg/s  stored {commit.Stored:#,0} of {commit.Sent:#,0}");
        Console.WriteLine($"ratio embedded/external: {devices.Rate / mes.Rate:0.00} ({equipment} connections), {gateway.Rate / mes.Rate:0.00} (1 connection), " +
            $"{commit.Rate / mes.Rate:0.00} (without the journal); embedded/bare: {devices.Rate / bare.Rate:0.00}");
        var lost = messages - mes.Stored + Math.Max(0, devices.Sent - devices.Stored) + Math.Max(0, gateway.Sent - gateway.Stored)
            + Math.Max(0, commit.Sent - commit.Stored)
            + (messages - devices.Sent) + (gatewayMessages - gateway.Sent) + (commitMessages - commit.Sent);
        Console.WriteLine($"RESULT ingest synchronous={synchronous} bare_msg_s={bare.Rate:0} mes_msg_s={mes.Rate:0} ratio={mes.Rate / bare.Rate:0.00} " +
            $"embedded_msg_s={devices.Rate:0} embedded_one_connection_msg_s={gateway.Rate:0} embedded_without_journal_msg_s={commit.Rate:0} " +
            $"embedded_ratio={devices.Rate / mes.Rate:0.00} embedded_bare_ratio={devices.Rate / bare.Rate:0.00} lost={lost}");
        var sparkplug = await SparkplugIngestBenchmark.RunAsync(mosquitto, messages, equipment, window, synchronous);
        return lost == 0 && bare.Lost == 0 && sparkplug == 0 ? 0 : 1;
    }

    /// <summary>
    /// The MES with its embedded broker; the publishers connect to it with the MES's own account
    /// (a device account may publish for one equipment only). The rate runs until every message
    /// acknowledged is stored.
    /// </summary>
    private static async Task<(double Rate, long Sent, long Stored)> EmbeddedAsync(long messages, int equipment, int window, string synchronous,
        bool oneConnection, bool journal)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-bench", Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        using var host = await StartMesAsync(folder, equipment, synchronous, new Dictionary<string, string?>
        {
            ["Mqtt:Broker:Mode"] = "Embedded",
            ["Mqtt:Broker:Port"] = port.ToString(),
            ["Mqtt:Ingest:Journal"] = journal.ToString(),
        });
        var metrics = host.Services.GetRequiredService<IngestMetrics>();
        var account = host.Services.GetRequiredService<MesBrokerCredentials>();

        var publisher = Publisher(port, messages, equipment, window) with { Username = account.Username, Password = account.Password };
        var publishers = oneConnection
            ? [publisher]
            : publisher.ResolveEquipment().Select((address, i) => publisher with
            {
                Equipment = [address],
                TotalMessages = messages / equipment + (i < messages % equipment ? 1 : 0),
                // A device keeps a few messages in flight; the window is the whole fleet's.
                MaxInFlight = Math.Max(1, window / equipment),
                ClientId = $"bench-device-{i}",
                Seed = 42 + i,
            }).ToList();
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(publishers.Select(p => new TelemetryPublisher(p).RunAsync()));
        // Acknowledged means journaled (or stored): the clock runs until all of it is stored.
        var acknowledged = results.Sum(r => r.Acknowledged);
        var deadline = Stopwatch.StartNew();
        while (metrics.Persisted < acknowledged && deadline.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(5);
        var elapsed = clock.Elapsed;
        var stored = metrics.Persisted;
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return (stored / elapsed.TotalSeconds, results.Sum(r => r.Acknowledged), stored);
    }

    /// <summary>The bare subscriber's rate: it only counts what the publisher sends through Mosquitto.</summary>
    internal static async Task<(double Rate, long Received, long Lost)> BareAsync(int port, long messages, int equipment, int window)
    {
        await using var subscriber = new CountingSubscriber(new SubscriberOptions { Port = port, ExpectedMessages = messages, Timeout = TimeSpan.FromMinutes(5) });
        await subscriber.StartAsync();
        var clock = Stopwatch.StartNew();
        await new TelemetryPublisher(Publisher(port, messages, equipment, window)).RunAsync();
        var result = await subscriber.WaitAsync();
        return (result.Received / clock.Elapsed.TotalSeconds, result.Received, messages - result.Received);
    }

    private static async Task<(double Rate, long Stored, long Samples, long Quarantined)> MesAsync(int port, long messages, int equipment, int window, string synchronous)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-bench", Guid.NewGuid().ToString("N"));
        using var host = await StartMesAsync(folder, equipment, synchronous, new Dictionary<string, string?>
        {
            ["Mqtt:Broker:Mode"] = "External",
            ["Mqtt:Broker:Host"] = "127.0.0.1",
            ["Mqtt:Broker:Port"] = port.ToString(),
            ["Mqtt:ClientId"] = "bench-ingest-" + Guid.NewGuid().ToString("N")[..6],
        });
        var metrics = host.Services.GetRequiredService<IngestMetrics>();
        while (!metrics.BrokerConnected)
            await Task.Delay(50);

        var clock = Stopwatch.StartNew();
        await new TelemetryPublisher(Publisher(port, messages, equipment, window)).RunAsync();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (metrics.Persisted < messages && DateTime.UtcNow < deadline)
            await Task.Delay(5);
        var elapsed = clock.Elapsed;
        await host.StopAsync();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync();
        var samples = await db.TelemetrySamples.LongCountAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return (metrics.Persisted / elapsed.TotalSeconds, samples / 5, samples, metrics.Quarantined);
    }

    /// <summary>The MES on a new SQLite file in <paramref name="folder"/> with the benchmark plant, started with the broker settings given.</summary>
    internal static async Task<IHost> StartMesAsync(string folder, int equipment, string synchronous, Dictionary<string, string?> broker, int tags = 5)
    {
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(broker)
        {
            ["ConnectionStrings:Mes"] = $"Data Source={Path.Combine(folder, "mes.db")}",
            ["Demo:Enabled"] = "false",
            ["Database:SqliteSynchronous"] = synchronous,
        });
        builder.Services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        builder.AddInfrastructure();
        var host = builder.Build();
        await MesStartup.InitializeAsync(host.Services);
        await BenchmarkPlant.SeedAsync(host.Services.GetRequiredService<IDbContextFactory<MesDbContext>>(), equipment, tags);
        await host.StartAsync();
        return host;
    }

    internal static PublisherOptions Publisher(int port, long messages, int equipment, int window) => new()
    {
        Port = port,
        TotalMessages = messages,
        EquipmentCount = equipment,
        MaxInFlight = window,
        QualityOfService = 1,
        Seed = 42,
    };
}
