using Bunit;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Performance;
using PharmaMes.Web.Components.Pages.Performance;

namespace PharmaMes.Web.Tests.Performance;

/// <summary>The list of stops waiting for a reason: one tap gives it; people who may not give reasons only read.</summary>
public class UnexplainedStopsRendering : BunitContext
{
    private static readonly UnexplainedStop Stop = new(Guid.CreateVersion7(), "TP-01", "Rotary tablet press 1", EquipmentState.Idle,
        new DateTimeOffset(2026, 12, 5, 8, 10, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 5, 8, 25, 0, TimeSpan.Zero), DowntimeReasonTree.For(EquipmentClass.TabletPress));

    [Fact]
    public void ATapOnAReasonSendsItForTheStop()
    {
        var given = new List<(Guid, string)>();
        var list = Render<UnexplainedStops>(ps => ps.Add(p => p.Stops, [Stop]).Add(p => p.CanAssign, true).Add(p => p.OnAssign, g => given.Add(g)));

        Assert.Contains("for 15 min 0 s", list.Find($"[data-stop='{Stop.IntervalId}']").TextContent);
        list.Find("button[data-reason='Mechanical › Punch breakage']").Click();

        Assert.Equal([(Stop.IntervalId, "Mechanical › Punch breakage")], given);
    }

    [Fact]
    public void WithoutTheRightTheStopsAreListedWithoutButtons()
    {
        var list = Render<UnexplainedStops>(ps => ps.Add(p => p.Stops, [Stop]).Add(p => p.CanAssign, false));

        Assert.Single(list.FindAll("[data-stop]"));
        Assert.Empty(list.FindAll("button[data-reason]"));
    }

    [Fact]
    public void ASplitSendsBothReasonsAndTheInstantStartingFromTheMiddle()
    {
        var splits = new List<(Guid, DateTimeOffset, string, string)>();
        var list = Render<UnexplainedStops>(ps => ps.Add(p => p.Stops, [Stop]).Add(p => p.CanAssign, true).Add(p => p.OnSplit, s => splits.Add(s)));

        var split = list.Find($"[data-split='{Stop.IntervalId}']");
        Assert.Equal("08:17:30", split.QuerySelector("[data-field=at]")!.GetAttribute("value"));
        list.Find($"[data-split='{Stop.IntervalId}'] [data-field=first]").Change("Material › Waiting for granulate");
        list.Find($"[data-split='{Stop.IntervalId}'] [data-field=at]").Change("08:20:00");
        list.Find($"[data-split='{Stop.IntervalId}'] [data-field=second]").Change("Mechanical › Punch breakage");
        list.Find($"[data-split='{Stop.IntervalId}'] [data-action=split]").Click();

        Assert.Equal([(Stop.IntervalId, new DateTimeOffset(2026, 12, 5, 8, 20, 0, TimeSpan.Zero), "Material › Waiting for granulate", "Mechanical › Punch breakage")], splits);
    }
}
