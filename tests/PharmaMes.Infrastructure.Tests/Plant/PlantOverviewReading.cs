using Microsoft.Extensions.Time.Testing;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Plant;

namespace PharmaMes.Infrastructure.Tests.Plant;

public class PlantOverviewReading
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ShowsTheHierarchyWithEachEquipmentsStateCleaningAndCalibration()
    {
        await using var host = await MesTestHost.StartAsync(demo: true, clock: new FakeTimeProvider(Now));

        var site = Assert.Single(await host.Get<PlantOverviewService>().GetAsync());
        var equipment = site.Areas.SelectMany(a => a.Lines).SelectMany(l => l.Equipment).ToDictionary(e => e.Code);

        Assert.Equal("PLANT1", site.SiteCode);
        Assert.Equal(["BIO", "OSD"], site.Areas.Select(a => a.Code));
        Assert.Equal(EquipmentState.Running, equipment["TP-01"].State);
        Assert.Equal(EquipmentState.Down, equipment["BLIS-01"].State);
        Assert.Equal("Foil web break at the sealing station", equipment["BLIS-01"].StateReason);
        Assert.Equal(CleaningStatus.Dirty, equipment["CHROM-01"].CleaningStatus);
        Assert.Contains("it is being cleaned — the cleaning needs a second person's verification", equipment["CHROM-01"].ReasonsNotUsable);
        // The coater is ready for the running batch's coating step.
        Assert.Equal(CleaningStatus.Clean, equipment["COAT-01"].CleaningStatus);
        Assert.Empty(equipment["COAT-01"].ReasonsNotUsable);
        Assert.False(equipment["FILL-01"].IsCalibrated);
        Assert.Equal(new DateOnly(2026, 11, 22), equipment["FILL-01"].CalibrationDueOn);
        Assert.Empty(equipment["FBD-01"].ReasonsNotUsable);
        Assert.Equal(CleaningStatus.Clean, equipment["FBD-01"].CleaningStatus);
        Assert.Equal(new[] { "air_flow", "inlet_air_temperature", "product_temperature" }, equipment["FBD-01"].Tags.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task CleanHoldTimesExpireAsTheClockMoves()
    {
        var clock = new FakeTimeProvider(Now);
        await using var host = await MesTestHost.StartAsync(demo: true, clock: clock);
        var service = host.Get<PlantOverviewService>();

        clock.Advance(TimeSpan.FromDays(4));
        var dryer = (await service.GetAsync()).Single().Areas.SelectMany(a => a.Lines).SelectMany(l => l.Equipment).Single(e => e.Code == "FBD-01");

        Assert.Equal(CleaningStatus.CleanExpired, dryer.CleaningStatus);
        Assert.Contains(dryer.ReasonsNotUsable, r => r.StartsWith("its clean hold time ended"));
    }
}
