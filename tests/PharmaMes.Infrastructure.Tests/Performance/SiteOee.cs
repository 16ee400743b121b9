using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Performance;
using static PharmaMes.Infrastructure.Tests.Performance.OeeFromStoredHistory;

namespace PharmaMes.Infrastructure.Tests.Performance;

/// <summary>A site adds up all its lines' equipment; each line keeps its own calendar.</summary>
public class SiteOee
{
    [Fact]
    public async Task ASiteAddsUpItsLinesEachOnItsOwnCalendar()
    {
        // Line L1 (press and packer) works the Early shift from 06:00; a second line L2 has no calendar (around the clock)
        // and its filler reported nothing yet.
        await using var host = await PlantAsync(withCalendar: true);
        await using (var db = host.NewContext(AuditActor.System("test", "Second line")))
        {
            var site = await db.Sites.Include(s => s.Areas).SingleAsync();
            var line = site.AddArea(new PlantCode("A2"), "Area 2").AddLine(new PlantCode("L2"), "Line 2");
            line.AddEquipment(new PlantCode("FILLER"), "Filler", EquipmentClass.Filler, Six.AddDays(-1));
            db.Areas.Add(site.Areas.Single(a => a.Code == new PlantCode("A2")));
            await db.SaveChangesAsync();
        }
        var oee = host.Get<OeeService>();

        var siteHour = (await oee.ForSiteAsync("S1", Six, Six.AddHours(1)))!;
        var l1 = (await oee.ForLineAsync("L1", Six, Six.AddHours(1)))!;

        // Planned: three units for an hour. Running: the press 50 minutes, the packer 60, the filler none (no data).
        Assert.Equal(3 * 3_600, siteHour.Figures.PlannedSeconds);
        Assert.Equal((3_000 + 3_600) / 10_800.0, siteHour.Figures.Availability!.Value, 10);
        // Performance and quality come from the press alone, the one unit that counts with an ideal rate: as on its line.
        Assert.Equal(l1.Figures.Performance, siteHour.Figures.Performance);
        Assert.Equal(l1.Figures.Quality, siteHour.Figures.Quality);
        Assert.Equal(["L1", "L2"], siteHour.Units.Select(u => u.Code));
        Assert.Equal(l1.Figures.Oee, siteHour.Units[0].Figures.Oee);
        // L1's Early shift and L2's calendar day are both periods of the site.
        Assert.Equal(["Day", "Early"], siteHour.Periods.Select(p => p.Name).Order());
        Assert.Null(await oee.ForSiteAsync("NOPE", Six, Six.AddHours(1)));
    }
}
