using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>A message that cannot be stored, however often it is tried, must not hold back the messages around it.</summary>
public class PoisonMessages
{
    [Fact]
    public async Task AMessageThatFailsEveryTimeIsSetAsideAndTheOthersAreStored()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        var dryer = await live.EquipmentIdAsync("FBD-01");
        // The pipeline knows FBD-01's series (its directory was read at start); then they disappear
        // behind its back, so storing FBD-01's samples breaks a foreign key every time.
        await live.Get<PlantDirectory>().GetAsync(CancellationToken.None);
        await live.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM TelemetrySamples WHERE ChannelId IN (SELECT Id FROM TelemetryChannels WHERE EquipmentId = {0}); " +
            "DELETE FROM TelemetryChannels WHERE EquipmentId = {0};", dryer.ToString().ToUpperInvariant()));
        var at = Now().AddSeconds(-20);

        await PublishAcceptedAsync(device, $"{Dryer}/telemetry", TelemetryJson(at, "\"inlet_air_temperature\":60.1"));
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3000"));

        var setAside = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.QuarantinedMessages.Where(q => q.ReasonCode == QuarantineReason.ProcessingFailed).ToListAsync()),
            rows => rows.Count == 1, TimeSpan.FromSeconds(20));
        Assert.Contains("FBD-01", Assert.Single(setAside).Topic);
        Assert.Contains("FOREIGN KEY", setAside[0].Detail, StringComparison.OrdinalIgnoreCase);
        var stored = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press)),
            count => count == 1);
        Assert.Equal(1, stored);

        // And the pipeline goes on.
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at.AddSeconds(1), "\"speed\":3010"));
        Assert.Equal(2, await Eventually.GetAsync(
            () => live.QueryAsync(db => db.TelemetrySamples.CountAsync(s => s.Channel!.EquipmentId == press)),
            count => count == 2));
    }

    [Fact]
    public async Task AValidMessageThatMeetsALockedDatabaseWhileTheBatchIsTriedOneByOneWaitsAndIsStoredNotSetAside()
    {
        var locks = new StateWritesLocked { OnceAfterAQuarantine = true };
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true,
            // Long enough that the poison and the valid message arrive in one batch.
            settings: new Dictionary<string, string?> { ["Mqtt:Ingest:MaxBatchDelayMilliseconds"] = "1500" },
            services: s => s.ConfigureDbContext<SqliteMesDbContext>(o => o.AddInterceptors(locks)));
        var device = await live.ConnectAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        var dryer = await live.EquipmentIdAsync("FBD-01");
        await live.Get<PlantDirectory>().GetAsync(CancellationToken.None);
        await live.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM TelemetrySamples WHERE ChannelId IN (SELECT Id FROM TelemetryChannels WHERE EquipmentId = {0}); " +
            "DELETE FROM TelemetryChannels WHERE EquipmentId = {0};", dryer.ToString().ToUpperInvariant()));
        var at = Now().AddSeconds(-20);

        // The poison makes the batch go one by one; the valid state change then meets a locked database once.
        await PublishAcceptedAsync(device, $"{Dryer}/telemetry", TelemetryJson(at, "\"inlet_air_temperature\":60.1"));
        await PublishAcceptedAsync(device, $"{TabletPress}/state", $$"""{"ts":"{{Ts(at)}}","state":"Down","reason":"Punch breakage"}""");

        var down = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.StateIntervals.Where(s => s.EquipmentId == press && s.State == EquipmentState.Down).ToListAsync()),
            rows => rows.Count == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(at, Assert.Single(down).StartedAt);
        Assert.Equal(1, locks.Injected);
        var setAside = await live.QueryAsync(db => db.QuarantinedMessages.ToListAsync());
        Assert.Contains(Dryer, Assert.Single(setAside).Topic);
        Assert.Null(live.Get<IngestMetrics>().StoreError);
    }
}
