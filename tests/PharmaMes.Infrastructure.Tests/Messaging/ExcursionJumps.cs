using PharmaMes.Domain.Alerts;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

public class ExcursionJumps
{
    [Fact]
    public async Task AReadingThatJumpsFromAboveTheHighLimitToBelowTheLowOneEndsOneExcursionAndOpensTheOther()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var bioreactor = await live.EquipmentIdAsync("BR-01");
        var t0 = Now().AddSeconds(-30);

        // Alarm limits of the culture temperature: 36.5-37.5 °C.
        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", TelemetryJson(t0, "\"temperature\":38.0"));
        await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", TelemetryJson(t0.AddSeconds(10), "\"temperature\":36.0"));

        var excursions = await Eventually.GetAsync(
            () => live.QueryAsync(db => db.Excursions.Where(x => x.EquipmentId == bioreactor).OrderBy(x => x.StartedAt).ToListAsync()),
            rows => rows.Count == 2);
        Assert.Equal(ExcursionDirection.High, excursions[0].Direction);
        Assert.Equal(t0.AddSeconds(10), excursions[0].EndedAt);
        Assert.Equal(ExcursionDirection.Low, excursions[1].Direction);
        Assert.Equal(t0.AddSeconds(10), excursions[1].StartedAt);
        Assert.Null(excursions[1].EndedAt);
        Assert.Equal(2, await live.QueryAsync(db => db.Alerts.CountAsync(a => a.Kind == AlertKind.EquipmentDown || a.Kind == AlertKind.Excursion)));
    }
}
