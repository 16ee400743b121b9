using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Performance;
using static PharmaMes.Infrastructure.Tests.Performance.OeeFromStoredHistory;

namespace PharmaMes.Infrastructure.Tests.Performance;

/// <summary>A stop without a reason waits for a person; the reason given from the class's tree then names the loss.</summary>
public class StopReasonGiving
{
    private static readonly AuditActor Operator = new(Guid.CreateVersion7(), "operator");

    [Fact]
    public async Task AStopWithoutAReasonIsListedAndOnceGivenItNamesTheLoss()
    {
        await using var host = await PlantAsync(withCalendar: false);
        var reasons = host.Get<StopReasonService>();

        var waiting = await reasons.UnexplainedAsync("L1", Six.AddHours(-1));
        // The press's long Idle from 07:00 has no reason; its breakdown came with one from the device.
        var idle = Assert.Single(waiting);
        Assert.Equal(("PRESS", "Idle"), (idle.Equipment, idle.State.ToString()));
        Assert.Contains(idle.Reasons, r => r.Path == "Material › Waiting for granulate");

        await reasons.AssignAsync(idle.IntervalId, "material › waiting for granulate", Operator);

        Assert.Empty(await reasons.UnexplainedAsync("L1", Six.AddHours(-1)));
        var oee = (await host.Get<OeeService>().ForEquipmentAsync("PRESS", Six, Six.AddHours(2.5)))!;
        Assert.Equal(5_400, oee.Figures.Losses.Single(l => l.Reason == "Material › Waiting for granulate").Seconds);
        await using var db = host.NewContext();
        Assert.Contains(db.AuditEntries, e => e.EntityType == "StopReason" && e.UserName == "operator");
    }

    [Fact]
    public async Task AReasonOutsideTheClassesTreeIsRefused()
    {
        await using var host = await PlantAsync(withCalendar: false);
        var reasons = host.Get<StopReasonService>();
        var idle = (await reasons.UnexplainedAsync("L1", Six.AddHours(-1))).Single();

        var refused = await Assert.ThrowsAsync<DomainException>(() => reasons.AssignAsync(idle.IntervalId, "Material › Foil web break", Operator));

        Assert.Contains("is not a reason for a TabletPress", refused.Message);
    }

    [Fact]
    public async Task AStopSplitInTwoNamesEachPartsLossAndAnInstantOutsideTheStopIsRefused()
    {
        await using var host = await PlantAsync(withCalendar: false, now: Six.AddHours(10));
        var reasons = host.Get<StopReasonService>();
        // The press's Idle 07:00 – 16:00: waiting for granulate until 09:00, then a breakdown.
        var idle = (await reasons.UnexplainedAsync("L1", Six.AddHours(-1))).Single();

        var outside = await Assert.ThrowsAsync<DomainException>(() =>
            reasons.SplitAsync(idle.IntervalId, Six.AddHours(17), "Material › Waiting for granulate", "Mechanical › Punch breakage", Operator));
        await reasons.SplitAsync(idle.IntervalId, Six.AddHours(3), "Material › Waiting for granulate", "mechanical › punch breakage", Operator);

        Assert.StartsWith("Split the stop between its start (07:00:00)", outside.Message);
        Assert.Empty(await reasons.UnexplainedAsync("L1", Six.AddHours(-1)));
        var oee = (await host.Get<OeeService>().ForEquipmentAsync("PRESS", Six, Six.AddHours(4)))!;
        Assert.Equal(2 * 3600, oee.Figures.Losses.Single(l => l.Reason == "Material › Waiting for granulate").Seconds);
        // The idle part after 09:00 and the 06:25 breakdown the device named both count under Punch breakage.
        Assert.Equal([(EquipmentState.Idle, 3600.0), (EquipmentState.Down, 600.0)],
            oee.Figures.Losses.Where(l => l.Reason == "Mechanical › Punch breakage").Select(l => (l.State, l.Seconds)));
        await using var db = host.NewContext();
        Assert.Equal(2, db.AuditEntries.Count(e => e.EntityType == "StopReason" && e.UserName == "operator"));
    }
}
