using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// Acknowledged means kept, with the embedded broker too: the app runs as its own process, a
/// device streams numbered readings, the process is killed with SIGKILL mid-stream and started
/// again on the same database, and the device sends again what it got no PUBACK for, as MQTT
/// devices do. Every reading acknowledged before the kill is on the disk right after it (in the
/// database or in the ingest journal), in the database once the app is back, before the device sends
/// anything again, and in the end each reading is stored exactly once.
/// </summary>
public class KilledMesLosesNothing(ITestOutputHelper output)
{
    private const int Readings = 2_000;
    private const int InFlight = 20;
    private const string Topic = "mes/PLANT1/OSD/OSD-L1/TP-01/telemetry";

    [Fact]
    public async Task EveryReadingAcknowledgedBeforeAKillIsStoredAndEachIsStoredOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-e2e", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "mes.db");
        var brokerPort = FreePort.Next();
        // Whole milliseconds: device timestamps carry milliseconds.
        var now = DateTimeOffset.UtcNow;
        var t0 = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero).AddMinutes(-30);
        var acknowledged = new ConcurrentDictionary<int, byte>();
        try
        {
            int acknowledgedBeforeKill;
            await using (var first = await MesProcess.StartAsync(folder, brokerPort))
            {
                using var device = await ConnectAsync(brokerPort);
                var killed = Task.Run(async () =>
                {
                    while (acknowledged.Count < Readings / 3)
                        await Task.Delay(5);
                    await first.KillAsync();
                });
                await PublishAsync(device, Enumerable.Range(0, Readings), t0, acknowledged);
                await killed;
                acknowledgedBeforeKill = acknowledged.Count;
                Assert.True(acknowledgedBeforeKill < Readings, "the kill should come in the middle of the stream");
            }

            // Right after the kill, before anything starts again: every acknowledged reading is on the disk.
            var storedAtKill = StoredReadings(database, t0);
            var journaled = await JournaledReadingsAsync(Path.Combine(folder, "ingest-journal"));
            var missing = acknowledged.Keys.Where(n => !storedAtKill.ContainsKey(n) && !journaled.Contains(n)).Order().ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} acknowledged readings were lost, first {string.Join(", ", missing.Take(10))}");
            output.WriteLine($"killed after {acknowledgedBeforeKill} acknowledged of {Readings}; {storedAtKill.Count} stored at the kill, " +
                $"{journaled.Count} in the journal, {journaled.Count(n => !storedAtKill.ContainsKey(n))} of them not yet stored");

            await using (var second = await MesProcess.StartAsync(folder, brokerPort))
            {
                // The journal is stored first, before anything new arrives.
                var acknowledgedAtKill = acknowledged.Keys.ToList();
                var until = DateTime.UtcNow.AddSeconds(60);
                while (!acknowledgedAtKill.All(StoredReadings(database, t0).ContainsKey) && DateTime.UtcNow < until)
                    await Task.Delay(200);
                var notStored = acknowledgedAtKill.Where(n => !StoredReadings(database, t0).ContainsKey(n)).Order().ToList();
                Assert.True(notStored.Count == 0, $"{notStored.Count} readings acknowledged before the kill are not stored after the restart, first {string.Join(", ", notStored.Take(10))}");
                using var device = await ConnectAsync(brokerPort);
                var unacknowledged = Enumerable.Range(0, Readings).Where(n => !acknowledged.ContainsKey(n)).ToList();
                await PublishAsync(device, unacknowledged, t0, acknowledged);
                Assert.True(acknowledged.Count == Readings, $"{Readings - acknowledged.Count} readings were not acknowledged after the restart:\n{second.Output[^Math.Min(4000, second.Output.Length)..]}");
                // Acknowledged from the journal; stored a moment later.
                var allStoredBy = DateTime.UtcNow.AddSeconds(60);
                while (StoredReadings(database, t0).Count < Readings && DateTime.UtcNow < allStoredBy)
                    await Task.Delay(200);
            }

            var stored = StoredReadings(database, t0);
            Assert.Equal(Enumerable.Range(0, Readings), stored.Keys.Order());
            Assert.All(stored, reading => Assert.Equal(reading.Key, reading.Value));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<IMqttClient> ConnectAsync(int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("tp01-plc-" + Guid.NewGuid().ToString("N")[..8])
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    /// <summary>
    /// Reading n is speed n at t0 + n ms, QoS 1, <see cref="InFlight"/> at a time; a reading counts
    /// as acknowledged when its PUBACK says Success. Stops at the first lost connection.
    /// </summary>
    private static async Task PublishAsync(IMqttClient device, IEnumerable<int> numbers, DateTimeOffset t0, ConcurrentDictionary<int, byte> acknowledged)
    {
        using var window = new SemaphoreSlim(InFlight);
        var sending = new List<Task>();
        foreach (var n in numbers)
        {
            await window.WaitAsync();
            if (!device.IsConnected)
            {
                window.Release();
                break;
            }
            var ts = t0.AddMilliseconds(n).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(Topic)
                .WithPayload(Encoding.UTF8.GetBytes($$$"""{"ts":"{{{ts}}}","values":{"speed":{{{n}}}}}"""))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            sending.Add(SendAsync(device, message, n, window, acknowledged));
        }
        await Task.WhenAll(sending);
    }

    private static async Task SendAsync(IMqttClient device, MqttApplicationMessage message, int n, SemaphoreSlim window, ConcurrentDictionary<int, byte> acknowledged)
    {
        try
        {
            var result = await device.PublishAsync(message);
            if (result.ReasonCode == MqttClientPublishReasonCode.Success)
                acknowledged.TryAdd(n, 0);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException or OperationCanceledException)
        {
            // No PUBACK: the device keeps the reading and sends it again later.
        }
        finally
        {
            window.Release();
        }
    }

    /// <summary>The readings in the ingest journal's segments, read with the journal's own reader.</summary>
    private static async Task<HashSet<int>> JournaledReadingsAsync(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        await using var journal = new PharmaMes.Infrastructure.Messaging.IngestJournal(folder,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PharmaMes.Infrastructure.Messaging.IngestJournal>.Instance);
        return journal.Recover()
            .Select(m => System.Text.Json.JsonDocument.Parse(m.Payload).RootElement.GetProperty("values").GetProperty("speed").GetInt32())
            .ToHashSet();
    }

    /// <summary>TP-01's speed readings from t0 on, by their number (ms after t0), read straight from the SQLite file.</summary>
    private static Dictionary<int, int> StoredReadings(string database, DateTimeOffset t0)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Time, s.Value FROM TelemetrySamples s
            JOIN TelemetryChannels c ON c.Id = s.ChannelId
            JOIN Equipment e ON e.Id = c.EquipmentId
            WHERE e.Code = 'TP-01' AND c.Tag = 'speed' AND s.Time >= $from
            """;
        command.Parameters.AddWithValue("$from", t0.UtcTicks);
        var readings = new Dictionary<int, int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            readings.Add((int)((reader.GetInt64(0) - t0.UtcTicks) / TimeSpan.TicksPerMillisecond), (int)reader.GetDouble(1));
        return readings;
    }
}
