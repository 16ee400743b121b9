using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PharmaMes.Infrastructure.Telemetry;
using PharmaMes.Infrastructure.Tests.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>A device's readings through the embedded broker and ingest into PostgreSQL, written by COPY.</summary>
[Collection(PostgreSqlCollection.Name)]
public class PostgreSqlTelemetry(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task ADevicesTelemetryIsStoredOnceAndReadBackByTheTelemetryQuery()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true, settings: await postgres.NewDatabaseAsync());
        var device = await live.ConnectAsync();
        var press = await live.EquipmentIdAsync("TP-01");
        var at = Now().AddSeconds(-30);
        var later = at.AddSeconds(10);

        // The same message twice, as a QoS 1 redelivery: stored once, and the batch is not refused.
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3012,\"compression_force\":14.6,\"tablet_weight\":500.4"));
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3012,\"compression_force\":14.6,\"tablet_weight\":500.4"));
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(later, "\"speed\":3020"));

        var samples = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.TelemetrySamples.Include(s => s.Channel).Where(s => s.Channel!.EquipmentId == press).ToListAsync()),
            rows => rows.Any(s => s.Time == later));
        Assert.Equal(4, samples.Count);
        Assert.Equal(new Dictionary<string, double> { ["speed"] = 3012, ["compression_force"] = 14.6, ["tablet_weight"] = 500.4 },
            samples.Where(s => s.Time == at).ToDictionary(s => s.Channel!.Tag, s => s.Value));
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));

        var series = await live.Get<TelemetryQueryService>().GetSeriesAsync("TP-01", "speed", at.AddMinutes(-1), later.AddMinutes(1));

        Assert.NotNull(series);
        Assert.Equal([(at, 3012.0), (later, 3020.0)], series.Points.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public async Task RetentionDeletesOnlyTheSamplesPastIt()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var settings = await postgres.NewDatabaseAsync();
        settings["Telemetry:RetentionDays"] = "30";
        await using var host = await MesTestHost.StartAsync(demo: true, clock: new FakeTimeProvider(now), settings: settings);
        Guid press;
        await using (var db = host.NewContext())
        {
            press = await db.Equipment.Where(e => e.Code == new Domain.Plant.PlantCode("TP-01")).Select(e => e.Id).SingleAsync();
            var channel = await db.TelemetryChannels.SingleOrDefaultAsync(c => c.EquipmentId == press && c.Tag == "speed")
                ?? new TelemetryChannel { EquipmentId = press, Tag = "speed" };
            foreach (var age in new[] { 1, 29, 31, 400 })
                db.TelemetrySamples.Add(new TelemetrySample { Channel = channel, Time = now.AddDays(-age), Value = age });
            await db.SaveChangesAsync();
        }

        var deleted = await host.Get<TelemetryRetention>().PurgeAsync(CancellationToken.None);

        await using var read = host.NewContext();
        var left = await read.TelemetrySamples.Where(s => s.Channel!.EquipmentId == press).Select(s => s.Value).ToListAsync();
        Assert.Equal(2, deleted);
        Assert.Equal([1.0, 29.0], left.Order());
    }
}
