using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Sparkplug;
using PharmaMes.Testing;

namespace PharmaMes.Benchmarks;

/// <summary>
/// Sparkplug B DDATA (ten metrics by alias, QoS 0) from one edge node with a device per equipment,
/// received first by a bare subscriber that only counts them, then by the MES's Sparkplug host on
/// the same Mosquitto (decode, map to the equipment's tags, validate, persist, push), then by the
/// host on the MES's embedded broker. "Stored" is counted in the database afterwards.
/// </summary>
/// <remarks>
/// QoS 0 may be dropped by a broker whose subscriber falls behind. The publisher keeps at most
/// <c>window</c> DDATA ahead of what the receiver has taken (counted by the bare subscriber; handed
/// to the ingest by the host), so no broker holds more than that for it: whatever is lost is a
/// failure at any size, and the run exits 1.
/// </remarks>
internal static class SparkplugIngestBenchmark
{
    private const int Metrics = SparkplugEdgeNodeLoad.MetricsPerDevice;

    private sealed record Run(long Sent, long Stored, TimeSpan Elapsed, long Quarantined, int Stalls)
    {
        public double Rate => Stored / Elapsed.TotalSeconds;
        public long Lost => Sent - Stored;
    }

    public static async Task<int> RunAsync(MosquittoBroker mosquitto, long messages, int equipment, int window, string synchronous)
    {
        Console.WriteLine($"Sparkplug B: edge node {SparkplugEdgeNodeLoad.Group}/{SparkplugEdgeNodeLoad.EdgeNode} with {equipment} devices of {Metrics} metrics; " +
            $"{messages:#,0} DDATA by alias, QoS 0, at most {window} ahead of the receiver");

        // Warm-up of the edge node's path (protobuf, publishing), not measured.
        await BareAsync(mosquitto.Port, Math.Min(messages / 10, 20_000), equipment, window);
        var bare = await BareAsync(mosquitto.Port, messages, equipment, window);
        Console.WriteLine($"bare subscriber: {bare.Rate,10:#,0} DDATA/s ({bare.Rate * Metrics:#,0} samples/s)  received {bare.Stored:#,0} of {bare.Sent:#,0}, lost {bare.Lost:#,0}");

        var external = await MesAsync(messages, equipment, window, synchronous, embedded: false, mosquitto.Port);
        Console.WriteLine($"MES Sparkplug host, external ({synchronous}):{external.Rate,10:#,0} DDATA/s ({external.Rate * Metrics:#,0} samples/s)  " +
            $"stored {external.Stored * Metrics:#,0} samples of {external.Sent * Metrics:#,0} sent, lost {external.Lost:#,0} DDATA, quarantined {external.Quarantined:#,0}");
        Console.WriteLine($"ratio MES/bare:  {external.Rate / bare.Rate:0.00}");

        var embedded = await MesAsync(messages, equipment, window, synchronous, embedded: true, FreePort.Next());
        Console.WriteLine($"MES Sparkplug host, embedded ({synchronous}):{embedded.Rate,10:#,0} DDATA/s ({embedded.Rate * Metrics:#,0} samples/s)  " +
            $"stored {embedded.Stored * Metrics:#,0} samples of {embedded.Sent * Metrics:#,0} sent, lost {embedded.Lost:#,0} DDATA, quarantined {embedded.Quarantined:#,0}");
        Console.WriteLine($"ratio embedded/external: {embedded.Rate / external.Rate:0.00}");

        var lost = bare.Lost + external.Lost + embedded.Lost;
        var quarantined = external.Quarantined + embedded.Quarantined;
        var stalls = bare.Stalls + external.Stalls + embedded.Stalls;
        Console.WriteLine($"RESULT ingest-sparkplug synchronous={synchronous} bare_ddata_s={bare.Rate:0} bare_samples_s={bare.Rate * Metrics:0} " +
            $"mes_ddata_s={external.Rate:0} mes_samples_s={external.Rate * Metrics:0} ratio={external.Rate / bare.Rate:0.00} " +
            $"embedded_ddata_s={embedded.Rate:0} embedded_ratio={embedded.Rate / external.Rate:0.00} " +
            $"sent={external.Sent + embedded.Sent} stored={external.Stored + embedded.Stored} lost={lost} quarantined={quarantined} stalls={stalls}");
        return lost == 0 && quarantined == 0 && stalls == 0 ? 0 : 1;
    }

    /// <summary>A subscriber with the host's filter that counts the DDATA it receives and does nothing else.</summary>
    private static async Task<Run> BareAsync(int port, long messages, int equipment, int window)
    {
        long counted = 0;
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic.Contains("/DDATA/", StringComparison.Ordinal))
                Interlocked.Increment(ref counted);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("bench-sparkplug-bare").WithCleanStart(true).Build());
        await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic($"{SparkplugTopic.Namespace}/+/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());

        await using var node = new SparkplugEdgeNodeLoad(equipment);
        await node.ConnectAsync(port);
        await node.BirthAsync();
        var clock = Stopwatch.StartNew();
        var sent = await node.PublishDataAsync(messages, window, () => Interlocked.Read(ref counted));
        var elapsed = await UntilAsync(() => Interlocked.Read(ref counted), sent, clock);
        await subscriber.DisconnectAsync();
        return new Run(sent, Interlocked.Read(ref counted), elapsed, 0, node.Stalls);
    }

    /// <summary>The MES with the benchmark plant (ten tags per equipment) and its Sparkplug host on the external Mosquitto or on its embedded broker.</summary>
    private static async Task<Run> MesAsync(long messages, int equipment, int window, string synchronous, bool embedded, int port)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-bench", Guid.NewGuid().ToString("N"));
        var broker = embedded
            ? new Dictionary<string, string?> { ["Mqtt:Broker:Mode"] = "Embedded", ["Mqtt:Broker:Port"] = port.ToString() }
            : new Dictionary<string, string?>
            {
                ["Mqtt:Broker:Mode"] = "External",
                ["Mqtt:Broker:Host"] = "127.0.0.1",
                ["Mqtt:Broker:Port"] = port.ToString(),
                ["Mqtt:ClientId"] = "bench-ingest-" + Guid.NewGuid().ToString("N")[..6],
            };
        using var host = await IngestBenchmark.StartMesAsync(folder, equipment, synchronous, broker, tags: Metrics);
        var metrics = host.Services.GetRequiredService<IngestMetrics>();
        var sparkplug = host.Services.GetRequiredService<SparkplugHost>();

        await using var node = new SparkplugEdgeNodeLoad(equipment);
        if (embedded)
        {
            // The embedded broker takes Sparkplug topics from the MES's account (or anonymous clients in demo mode).
            var account = host.Services.GetRequiredService<MesBrokerCredentials>();
            await node.ConnectAsync(port, account.Username, account.Password);
        }
        else
            await node.ConnectAsync(port);
        await node.WaitForHostAsync(TimeSpan.FromSeconds(30));
        var birthAt = await node.BirthAsync();
        // The births are placed and stored (a message of ten samples per device) before the data starts.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(sparkplug.Nodes.Any(n => n.EdgeNode == SparkplugEdgeNodeLoad.EdgeNode && n.Online && n.Devices.Count(d => d.Online) == equipment)
            && metrics.Persisted >= equipment))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The MES did not store the births of {equipment} devices within 30 s (stored {metrics.Persisted}, quarantined {metrics.Quarantined}).");
            await Task.Delay(10);
        }
        var received = metrics.Received;
        var persisted = metrics.Persisted;

        var clock = Stopwatch.StartNew();
        // Taken = handed to the ingest: what waits for the database waits in the MES's bounded queue, not at the broker.
        var sent = await node.PublishDataAsync(messages, window, () => metrics.Received - received);
        var elapsed = await UntilAsync(() => metrics.Persisted - persisted, sent, clock);
        await host.StopAsync();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync();
        // Every DDATA is later than the births; the births' own samples are not counted.
        var samples = await db.TelemetrySamples.LongCountAsync(s => s.Time > birthAt);
        var quarantined = await db.QuarantinedMessages.LongCountAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return new Run(sent, samples / Metrics, elapsed, quarantined, node.Stalls);
    }

    /// <summary>Waits until <paramref name="count"/> reaches <paramref name="target"/> or stops moving; returns the time of its last step.</summary>
    private static async Task<TimeSpan> UntilAsync(Func<long> count, long target, Stopwatch clock)
    {
        var last = count();
        var lastAt = clock.Elapsed;
        while (last < target && clock.Elapsed - lastAt < SparkplugEdgeNodeLoad.Stall)
        {
            await Task.Delay(1);
            var now = count();
            if (now != last)
                (last, lastAt) = (now, clock.Elapsed);
        }
        return lastAt;
    }
}
