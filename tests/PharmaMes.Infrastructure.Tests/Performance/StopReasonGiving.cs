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
}
