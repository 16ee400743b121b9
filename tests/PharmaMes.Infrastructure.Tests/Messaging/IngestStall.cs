using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// A database that stays locked stalls the ingest: it is reported, and the messages wait rather than
/// being set aside: in the ingest journal, acknowledged, or (without the journal) unacknowledged, with
/// the device that keeps them.
/// </summary>
public class IngestStall
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WhileTheDatabaseIsLockedTheIngestIsDegradedAndTheMessageWaitsThenIsStored(bool journal)
    {
        var locks = new StateWritesLocked();
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true,
            settings: new Dictionary<string, string?> { ["Mqtt:Ingest:Journal"] = journal.ToString() },
            services: s => s.ConfigureDbContext<SqliteMesDbContext>(o => o.AddInterceptors(locks)));
        var health = live.Get<HealthCheckService>();
        var metrics = live.Get<IngestMetrics>();
        var device = await live.ConnectAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        Assert.Equal(HealthStatus.Healthy, (await IngestAsync(health)).Status);
        var at = Now().AddSeconds(-20);

        locks.Locked = true;
        var published = PublishAsync(device, $"{TabletPress}/state", $$"""{"ts":"{{Ts(at)}}","state":"Down","reason":"Punch breakage"}""");

        // Past the attempts after which a failing batch is tried message by message.
        Assert.True(await Eventually.TrueAsync(() => metrics.FailedBatches >= 5), $"{metrics.FailedBatches} failed attempts");
        var stalled = await IngestAsync(health);
        Assert.Equal(HealthStatus.Degraded, stalled.Status);
        Assert.Contains("database is locked", stalled.Description);
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
        if (journal)
        {
            // On the disk in the journal, so acknowledged, and stored once the database is back.
            Assert.Equal(MQTTnet.MqttClientPublishReasonCode.Success, (await published).ReasonCode);
            Assert.Equal(1, live.Get<IngestJournal>().Unstored);
            Assert.Single(Directory.GetFiles(live.Get<IngestJournal>().Folder, "*.journal"));
        }
        else
        {
            // Not stored, so not acknowledged: the device still holds the message.
            Assert.False(published.IsCompleted, "the broker acknowledged a message the MES has not stored");
        }

        locks.Locked = false;
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.Success, (await published).ReasonCode);
        var down = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.StateIntervals.Where(s => s.EquipmentId == press && s.State == EquipmentState.Down).ToListAsync()),
            rows => rows.Count == 1);
        Assert.Equal(at, Assert.Single(down).StartedAt);
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
        Assert.True(await Eventually.TrueAsync(() => metrics.StoreError is null));
        Assert.Equal(HealthStatus.Healthy, (await IngestAsync(health)).Status);
        if (journal)
        {
            // Stored, so nothing is left to replay after a restart.
            Assert.Equal(0, live.Get<IngestJournal>().Unstored);
            Assert.Empty(Directory.GetFiles(live.Get<IngestJournal>().Folder, "*.journal"));
        }
    }

    private static async Task<HealthReportEntry> IngestAsync(HealthCheckService health) =>
        (await health.CheckHealthAsync(c => c.Name == "ingest")).Entries["ingest"];
}
