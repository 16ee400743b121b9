using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Tests.Telemetry;

public class TelemetryRetentionPurge
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("30", 2)]
    [InlineData("0", 0)]
    public async Task DeletesOnlySamplesOlderThanTheRetentionAndKeepsEverythingWhenItIsZero(string days, int expectedDeleted)
    {
        await using var host = await MesTestHost.StartAsync(demo: true, clock: new FakeTimeProvider(Now),
            settings: new Dictionary<string, string?> { ["Telemetry:RetentionDays"] = days });
        Guid press;
        await using (var db = host.NewContext())
        {
            press = await db.Equipment.Where(e => e.Code == new Domain.Plant.PlantCode("TP-01")).Select(e => e.Id).SingleAsync();
            // The demo's start may already have given the tag its series.
            var channel = await db.TelemetryChannels.SingleOrDefaultAsync(c => c.EquipmentId == press && c.Tag == "speed")
                ?? new TelemetryChannel { EquipmentId = press, Tag = "speed" };
            foreach (var age in new[] { 1, 29, 31, 400 })
                db.TelemetrySamples.Add(new TelemetrySample { Channel = channel, Time = Now.AddDays(-age), Value = age });
            await db.SaveChangesAsync();
        }

        var deleted = await host.Get<TelemetryRetention>().PurgeAsync(CancellationToken.None);

        await using var read = host.NewContext();
        var left = await read.TelemetrySamples.Where(s => s.Channel!.EquipmentId == press).Select(s => s.Value).ToListAsync();
        Assert.Equal(expectedDeleted, deleted);
        Assert.Equal(expectedDeleted == 0 ? [1, 29, 31, 400] : new double[] { 1, 29 }, left.Order());
    }
}
