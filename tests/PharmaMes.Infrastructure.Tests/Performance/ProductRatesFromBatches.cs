using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Infrastructure.Performance;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Plant.Model;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Tests.Production;

namespace PharmaMes.Infrastructure.Tests.Performance;

/// <summary>
/// The vial filler (ideal 400 a minute, planned around the clock) fills a product whose own rate is 200 a minute: while
/// the batch's step runs on it, OEE measures it against 200; before and after, against 400.
/// </summary>
public class ProductRatesFromBatches
{
    private static readonly DateTimeOffset Six = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WhileTheProductsStepRunsTheFillerIsMeasuredAgainstTheProductsRate()
    {
        var clock = new FakeTimeProvider(Six);
        await using var host = await MesTestHost.StartAsync(clock: clock);
        var operatorUser = await TestBatches.PersonAsync(host, "operator");
        await ShopFloorSetup.EnsureApprovedRecipeAsync(host.Services, "FG-VIAL", "Large vials", 10_000m,
            recipe => recipe.AddStep("Filling", "Fill the vials.", EquipmentClass.Filler));
        var number = await ShopFloorSetup.NewBatchAsync(host.Services, "FG-VIAL", 10_000m);
        await ShopFloorSetup.EnsureCleanAsync(host.Services, "FILL-01", MesTestHost.DemoPassword);
        // The demo opens with the filler's calibration lapsed: it is calibrated first.
        await host.Get<CalibrationService>().RecordAsync("FILL-01",
            new CalibrationEntry("fill weight", "E2 weight set", "DKD-K-12345 2026-04", "10.02 g at 10 g", "10.00 g at 10 g", true, DateOnly.FromDateTime(Six.UtcDateTime), DateOnly.FromDateTime(Six.UtcDateTime).AddMonths(6), null),
            TestBatches.Credentials("maintenance"), await TestBatches.PersonAsync(host, "maintenance"));
        // 07:00 – 09:00 the filler runs and fills 200 vials a minute; the batch's step runs on it 07:30 – 08:30.
        await using (var db = host.NewContext(AuditActor.System("test device", "Filler history")))
        {
            var filler = await db.Equipment.SingleAsync(e => e.Code == new PlantCode("FILL-01"));
            foreach (var open in await db.StateIntervals.Where(i => i.EquipmentId == filler.Id && i.EndedAt == null).ToListAsync())
                open.End(Six.AddHours(1));
            var running = new StateInterval(filler.Id, EquipmentState.Running, Six.AddHours(1), null);
            running.End(Six.AddHours(3));
            db.StateIntervals.Add(running);
            for (var minute = 60; minute <= 180; minute++)
                db.ProductionCounts.Add(filler.RecordCounters(new CounterReading(200L * (minute - 60), 0, Six.AddMinutes(minute))));
            await db.SaveChangesAsync();
        }
        var execution = host.Get<BatchExecutionService>();
        clock.SetUtcNow(Six.AddMinutes(90));
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "FILL-01", operatorUser);
        clock.SetUtcNow(Six.AddMinutes(150));
        await execution.CompleteStepAsync(number, 1, TestBatches.Credentials("operator"), operatorUser);
        clock.SetUtcNow(Six.AddHours(4));
        var oee = host.Get<OeeService>();
        var before = (await oee.ForEquipmentAsync("FILL-01", Six.AddHours(1), Six.AddHours(3), OeePeriodKind.Hour))!;

        await host.Get<PlantEngineeringService>().ChangeEquipmentSettingsAsync("FILL-01",
            new EquipmentSettings(null, null, null, null, ProductIdealRates: [new("fg-vial", 200)]), AuditActor.System("test", "Large vials fill slower"));
        var after = (await oee.ForEquipmentAsync("FILL-01", Six.AddHours(1), Six.AddHours(3), OeePeriodKind.Hour))!;

        // At 400 a minute for all: 200 a minute is half speed.
        Assert.Equal(0.5, before.Figures.Performance!.Value, 6);
        // 07:00 – 07:30 at 400, 07:30 – 08:30 at 200, 08:30 – 09:00 at 400: (6,000 ÷ 400 + 12,000 ÷ 200 + 6,000 ÷ 400) min ÷ 120 min.
        Assert.Equal(90.0 / 120, after.Figures.Performance!.Value, 6);
        // By hour (ended hours were kept with the old rate: a changed rate is measured again).
        Assert.Equal([0.75, 0.75], after.Periods.Select(p => Math.Round(p.Figures.Performance!.Value, 6)));
        Assert.Equal(24_000.0 / 90, after.Figures.IdealRatePerMinute!.Value, 6);
        await using var check = host.NewContext();
        Assert.Contains(check.AuditEntries, e => e.EntityType == "Equipment" && e.Field == "ProductRates" && e.Reason == "Large vials fill slower" && e.NewValue!.Contains("FG-VIAL"));
    }
}
