using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Demo;

namespace PharmaMes.Infrastructure.Tests.Demo;

/// <summary>
/// The demo's machines stop the way real ones do, so a new user sees a believable Pareto: mostly short stops, some long
/// breakdowns, causes from the reason tree (counted under it) and a few bare alarm texts.
/// </summary>
public class SimulatedStops
{
    [Fact]
    public void APressStopsShortAndLongWithReasonsFromItsTreeAndPlainAlarms()
    {
        var press = new SimulatedEquipment("TP-01", "mes/PLANT1/OSD/OSD-L1/TP-01", EquipmentClass.TabletPress, EquipmentState.Running, [], new Random(3), eventfulness: 20);
        var stops = new List<(string Reason, int Seconds)>();
        string? current = null;
        var since = 0;
        for (var tick = 0; tick < 200_000; tick++)
        {
            var changed = press.Step();
            if (changed is null)
                continue;
            if (current is not null)
                stops.Add((current, tick - since));
            (current, since) = changed.Value.State == EquipmentState.Down ? (changed.Value.Reason, tick) : (null, tick);
        }

        Assert.True(stops.Count > 100, $"{stops.Count} stops");
        var mapped = stops.Count(s => DowntimeReasonTree.Match(EquipmentClass.TabletPress, s.Reason) is not null);
        Assert.InRange(mapped / (double)stops.Count, 0.45, 0.75);
        Assert.Contains(stops, s => s.Reason == "Punch breakage");
        var small = stops.Count(s => s.Seconds < OeeCalculation.DefaultSmallStop.TotalSeconds);
        Assert.InRange(small / (double)stops.Count, 0.45, 0.75);
        Assert.Contains(stops, s => s.Seconds >= 180);
    }
}
