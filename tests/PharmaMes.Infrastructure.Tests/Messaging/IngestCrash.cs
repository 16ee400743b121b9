using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Messaging;
using Xunit.Abstractions;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// The MES dies in the middle of a stream while Mosquitto stays up. It acknowledges only what it
/// has committed and its session outlives it (clean start off, session expiry), so the next MES
/// process with the same client id and database gets the rest from Mosquitto.
/// </summary>
public class IngestCrash(ITestOutputHelper output)
{
    private const int Messages = 3_000;

    [Fact]
    public async Task ANewMesWithTheSameClientIdGetsFromTheSessionWhatTheCrashedOneDidNotStoreAndStoresEachMessageOnce()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        var clientId = "mes-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var t0 = Now().AddMinutes(-1);
            await using var publisher = new NumberedPublisher(mosquitto.Port);
            long storedBeforeCrash;
            await using (var first = await LiveMesHost.StartExternalAsync(mosquitto.Port, clientId, folder: folder))
            {
                var metrics = first.Get<IngestMetrics>();
                Task? crash = null;
                await publisher.PublishAsync(Messages,
                    n => ($"{TabletPress}/telemetry", TelemetryJson(t0.AddMilliseconds(n), $"\"speed\":{n}")),
                    perSecond: 3_000,
                    afterWindow: async acknowledged =>
                    {
                        // Once the MES is busy storing, it dies; the publisher goes on.
                        if (crash is null && acknowledged >= Messages / 3)
                        {
                            Assert.True(await Eventually.TrueAsync(() => metrics.Persisted >= 100), "the MES should be storing when it crashes");
                            crash = Task.Run(first.Mes.CrashAsync);
                        }
                    });
                Assert.NotNull(crash);
                await crash;
                Assert.True(await Eventually.TrueAsync(() => !metrics.BrokerConnected), "the crashed MES should be gone from the broker");
                storedBeforeCrash = metrics.Persisted;
            }
            Assert.Empty(publisher.Refused);
            Assert.Equal(Enumerable.Range(0, Messages), publisher.Acknowledged);
            var storedByTheFirst = await CountSamplesAsync(folder);
            Assert.InRange(storedByTheFirst, storedBeforeCrash, Messages - 1);

            // Everything was published, and acknowledged by Mosquitto, while no MES was connected.
            await using var second = await LiveMesHost.StartExternalAsync(mosquitto.Port, clientId, folder: folder);
            var press = await second.EquipmentIdAsync("TP-01");
            var stored = await Eventually.GetAsync(
                () => second.QueryAsync(db => db.TelemetrySamples.Where(s => s.Channel!.EquipmentId == press && s.Channel!.Tag == "speed")
                    .Select(s => new { s.Time, s.Value }).ToListAsync()),
                rows => rows.Count >= Messages, TimeSpan.FromSeconds(30));
            var metrics2 = second.Get<IngestMetrics>();
            output.WriteLine($"first MES stored {storedByTheFirst} ({storedBeforeCrash} acknowledged); the second received {metrics2.Received}");
            Assert.Equal(Enumerable.Range(0, Messages), stored.Select(s => (int)s.Value).Order());
            Assert.All(stored, s => Assert.Equal(t0.AddMilliseconds(s.Value), s.Time));
            Assert.True(metrics2.Received >= Messages - storedByTheFirst,
                $"the second MES received {metrics2.Received}, fewer than the {Messages - storedByTheFirst} the first did not store");
            Assert.Equal(0, await second.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }

    /// <summary>Reads the database file of a host that is gone.</summary>
    private static async Task<long> CountSamplesAsync(string folder)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "mes.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM TelemetrySamples s JOIN TelemetryChannels c ON c.Id = s.ChannelId WHERE c.Tag = 'speed'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
