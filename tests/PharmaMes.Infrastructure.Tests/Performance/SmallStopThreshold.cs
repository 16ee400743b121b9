using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Performance;
using static PharmaMes.Infrastructure.Tests.Performance.OeeFromStoredHistory;

namespace PharmaMes.Infrastructure.Tests.Performance;

/// <summary>The site chooses how short a stop is a small stop (Performance:SmallStopSeconds, 2 minutes unless set).</summary>
public class SmallStopThreshold
{
    [Fact]
    public async Task ByDefaultTheTenMinuteStopIsABreakdownAndWithAFifteenMinuteThresholdASmallStop()
    {
        await using var usual = await PlantAsync(withCalendar: false);
        await using var lenient = await PlantAsync(withCalendar: false, settings: new Dictionary<string, string?> { ["Performance:SmallStopSeconds"] = "900" });

        // 06:00 – 07:00: the press was down 06:25 – 06:35.
        var byDefault = (await usual.Get<OeeService>().ForEquipmentAsync("PRESS", Six, Six.AddHours(1)))!.Figures.SixBigLosses;
        var configured = (await lenient.Get<OeeService>().ForEquipmentAsync("PRESS", Six, Six.AddHours(1)))!.Figures.SixBigLosses;

        Assert.Equal((600.0, 0.0), (byDefault.Breakdowns, byDefault.SmallStops));
        Assert.Equal((0.0, 600.0), (configured.Breakdowns, configured.SmallStops));
    }

    [Fact]
    public async Task TheTilesCountOfStopsWaitingForAReasonFollowsTheReasonsGiven()
    {
        // 16:00: the press's Idle 07:00 – 16:00 has no reason.
        await using var host = await PlantAsync(withCalendar: false, now: Six.AddHours(10));
        var reasons = host.Get<StopReasonService>();
        // Never counted yet: the first tile to ask gets 0 and starts the count.
        Assert.Equal(0, reasons.Waiting("PRESS"));

        await reasons.CountWaitingAsync();
        var (press, packer) = (reasons.Waiting("press"), reasons.Waiting("PACKER"));
        var idle = (await reasons.UnexplainedOfEquipmentAsync("PRESS", Six)).Single();
        await reasons.AssignAsync(idle.IntervalId, "Material › Waiting for granulate", new AuditActor(Guid.CreateVersion7(), "operator"));

        Assert.Equal((1, 0), (press, packer));
        Assert.Equal(0, reasons.Waiting("PRESS"));
        Assert.Empty(await reasons.UnexplainedOfEquipmentAsync("PACKER", Six));
    }

    [Fact]
    public async Task AThresholdOutsideOneSecondToAnHourIsRefused()
    {
        await using var host = await MesTestHost.StartAsync(demo: false, settings: new Dictionary<string, string?> { ["Performance:SmallStopSeconds"] = "0" });

        var refused = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<PerformanceOptions>>().Value);

        Assert.Contains("SmallStopSeconds", refused.Message);
    }
}
