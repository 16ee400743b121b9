using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Planning;
using PharmaMes.Infrastructure.Planning;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Planning;

/// <summary>A planner's rule for the site: new schedules that make no order late go in force by themselves, or wait.</summary>
public class AutoApplyRule
{
    // A stop expected to last ten minutes: it touches what comes next on the equipment, and rarely makes an order late.
    private static readonly Dictionary<string, string?> ShortStop = new() { ["Planning:ExpectedRepairMinutes"] = "10" };

    // Inside a shift, away from its break: at night the first operation may wait for the break's end, beyond a ten-minute stop.
    private static ShiftedClock DayShift() => new(new TimeOnly(10, 40));

    [Fact]
    public async Task WithTheRuleOnAProposalThatMakesNoOrderLateGoesInForceByItselfAndTheRuleIsAuditedWithItsReason()
    {
        await using var host = await MesTestHost.StartAsync(clock: DayShift(), settings: ShortStop);
        var impacts = host.Get<ImpactService>();
        var planner = await PersonAsync(host, "planner");
        Assert.False(await impacts.AutoAppliesAsync());
        await Assert.ThrowsAsync<DomainException>(() => impacts.SetAutoApplyAsync(true, " ", planner));
        Assert.False(await impacts.AutoAppliesAsync());

        await impacts.SetAutoApplyAsync(true, "Night shift: no planner on site", planner);
        Assert.True(await impacts.AutoAppliesAsync());
        await host.Get<ScheduleService>().PlanAsync();
        // The equipment the schedule uses first: its stop delays what comes next on it.
        var equipment = (await host.Get<ScheduleService>().InForceAsync()).MinBy(o => o.PlannedStart)!.EquipmentCode;

        var impact = await impacts.RaiseForEquipmentAsync(ImpactCause.EquipmentDown, equipment, $"{equipment} is Down: seal worn", hold: false);

        Assert.NotNull(impact);
        Assert.NotEmpty(impact.Orders);
        // The orders the stop touches are placed again around all the others, which may make one late: then it waits.
        if (impact.MissesADueDate)
            Assert.Equal((ImpactStatus.Proposed, null), (impact.Status, impact.DecisionReason));
        else
        {
            Assert.Equal(ImpactStatus.Accepted, impact.Status);
            Assert.StartsWith("Applied automatically: no order misses its due date", impact.DecisionReason);
        }
        await using var db = host.NewContext();
        var rule = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Site" && a.Field == "AutoApplyProposals").ToListAsync();
        Assert.Contains(rule, a => a.NewValue == "True" && a.UserName == "planner" && a.Reason == "Night shift: no planner on site");
    }

    [Fact]
    public async Task WithTheRuleOffTheSameProposalWaitsForAPlanner()
    {
        await using var host = await MesTestHost.StartAsync(clock: DayShift(), settings: ShortStop);
        await host.Get<ScheduleService>().PlanAsync();
        // The equipment the schedule uses first: its stop delays what comes next on it.
        var equipment = (await host.Get<ScheduleService>().InForceAsync()).MinBy(o => o.PlannedStart)!.EquipmentCode;

        var impact = await host.Get<ImpactService>().RaiseForEquipmentAsync(ImpactCause.EquipmentDown, equipment, $"{equipment} is Down: seal worn", hold: false);

        Assert.NotNull(impact);
        Assert.NotEmpty(impact.Orders);
        Assert.Equal(ImpactStatus.Proposed, impact.Status);
    }
}
