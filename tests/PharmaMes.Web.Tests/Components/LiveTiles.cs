using Bunit;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Tests.Components;

public class LiveTiles : BunitContext
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static EquipmentOverview Press() =>
        new("TP-01", "Rotary tablet press 1", EquipmentClass.TabletPress, EquipmentState.Running, At, null,
            CleaningStatus.Clean, At.AddDays(2), new DateOnly(2027, 1, 1), true, [],
            [
                new TagOverview("speed", "Press speed", "tablets/min", 2500, 3500, 0, 4000),
                new TagOverview("compression_force", "Main compression force", "kN", 12, 18, 10, 20),
                new TagOverview("tablet_weight", "Tablet weight", "mg", 497, 503, 495, 505),
            ]);

    private IRenderedComponent<LiveTile> RenderTile(EquipmentState state, Dictionary<string, TagLiveValue> latest, IReadOnlyList<double> trend, string? reason = null) =>
        Render<LiveTile>(ps => ps
            .Add(p => p.Equipment, Press())
            .Add(p => p.State, state)
            .Add(p => p.Since, At)
            .Add(p => p.Reason, reason)
            .Add(p => p.Latest, latest)
            .Add(p => p.Trend, trend));

    [Fact]
    public void ShowsEachValueWithItsUnitAndMarksAlarmsAndWarningsBeyondColour()
    {
        var tile = RenderTile(EquipmentState.Running, new()
        {
            ["speed"] = new(3012.4, At),
            ["compression_force"] = new(21.3, At),
            ["tablet_weight"] = new(503.8, At),
        }, [3000, 3010, 3012]);

        var speed = tile.Find("dd[data-tag='speed']");
        Assert.Contains("3,012", speed.TextContent);
        Assert.Contains("tablets/min", speed.TextContent);
        Assert.Contains("mes-tag-normal", speed.ClassList);
        Assert.Contains("mes-tag-alarm", tile.Find("dd[data-tag='compression_force']").ClassList);
        Assert.Contains("mes-tag-warning", tile.Find("dd[data-tag='tablet_weight']").ClassList);
        Assert.Equal("/equipment/TP-01", tile.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void ADownTileShowsTheStateWordAndTheReason()
    {
        var tile = RenderTile(EquipmentState.Down, [], [], reason: "Punch breakage");

        Assert.Equal("Down", tile.Find("a").GetAttribute("data-state"));
        Assert.Contains("Down", tile.Find(".mes-badge").TextContent);
        Assert.Contains("Punch breakage", tile.Find(".mes-tile-since").TextContent);
        Assert.Contains("mes-equipment-down", tile.Find("a").ClassList);
    }

    [Fact]
    public void TheSparklineDrawsTheTrendOfTheFirstTagOrSaysThereIsNone()
    {
        var withTrend = RenderTile(EquipmentState.Running, [], [3000, 3100, 2900, 3050]);
        var without = RenderTile(EquipmentState.Idle, [], []);

        var points = withTrend.Find("polyline.mes-spark-line").GetAttribute("points")!.Split(' ');
        Assert.Equal(4, points.Length);
        Assert.Contains("Press speed", withTrend.Find(".mes-spark-label").TextContent);
        Assert.Contains("no readings yet", without.Markup);
        Assert.Empty(without.FindAll("polyline"));
    }

    [Fact]
    public void ATileWithAnIdealRateShowsItsOeeThisShiftAndNothingBeforeItIsComputed()
    {
        var figures = new PharmaMes.Domain.Performance.OeeFigures(3_600, 3_000, 600, 4_000, 3_800, 200, 100, 50.0 / 60, 0.8, 0.95, 0.6333, 3_000, 600, [],
            new PharmaMes.Domain.Performance.SixBigLosses(600, 0, 0, 600, 0, 120));
        var without = RenderTile(EquipmentState.Running, [], []);
        var with = Render<LiveTile>(ps => ps
            .Add(p => p.Equipment, Press())
            .Add(p => p.State, EquipmentState.Running)
            .Add(p => p.Since, At)
            .Add(p => p.Latest, new Dictionary<string, TagLiveValue>())
            .Add(p => p.Trend, [])
            .Add(p => p.Oee, new PharmaMes.Infrastructure.Performance.CurrentShiftOee.Entry("Early", At, figures, At)));

        Assert.Empty(without.FindAll("[data-oee]"));
        var oee = with.Find("[data-oee]");
        Assert.Contains("OEE this shift (Early): 63 %", oee.TextContent);
        Assert.Contains("A 83% · P 80% · Q 95%", oee.TextContent);
    }

    [Fact]
    public void ATileWhoseStopsWaitForAReasonSaysHowManyAndOthersSayNothing()
    {
        var quiet = RenderTile(EquipmentState.Down, [], []);
        var waiting = Render<LiveTile>(ps => ps
            .Add(p => p.Equipment, Press())
            .Add(p => p.State, EquipmentState.Down)
            .Add(p => p.Since, At)
            .Add(p => p.Latest, new Dictionary<string, TagLiveValue>())
            .Add(p => p.Trend, [])
            .Add(p => p.ReasonsWaiting, 2));

        Assert.Empty(quiet.FindAll("[data-reasons-waiting]"));
        var ask = waiting.Find("[data-reasons-waiting]");
        Assert.Equal("2", ask.GetAttribute("data-reasons-waiting"));
        Assert.Contains("2 stops wait for a reason: touch to give it", ask.TextContent);
    }
}
