using PharmaMes.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Tests.Persistence;

/// <summary>SQLite has no date type: times must still compare and sort as instants, whatever their offset.</summary>
public class DateTimeOffsetQueries
{
    // 07:00Z, 07:30Z and 08:00Z, written with three different offsets and stored out of order.
    private static readonly DateTimeOffset Seven = new(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(5));
    private static readonly DateTimeOffset HalfPastSeven = new(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Eight = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OrderAndCompareByTheInstantNotTheText()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        await using (var db = host.NewContext(AuditActor.System("test")))
        {
            var site = new Site(new PlantCode("S1"), "Site");
            var line = site.AddArea(new PlantCode("A1"), "Area").AddLine(new PlantCode("L1"), "Line");
            foreach (var (code, at) in new[] { ("E-EIGHT", Eight), ("E-SEVEN", Seven), ("E-HALF", HalfPastSeven) })
                line.AddEquipment(new PlantCode(code), code, EquipmentClass.TabletPress, at.AddDays(-1)).ChangeState(EquipmentState.Idle, at);
            db.Sites.Add(site);
            await db.SaveChangesAsync();
        }

        await using var read = host.NewContext();
        var ordered = await read.Equipment.OrderBy(e => e.StateSince).Select(e => e.Code).ToListAsync();
        var after715 = await read.Equipment.Where(e => e.StateSince > new DateTimeOffset(2026, 11, 25, 7, 15, 0, TimeSpan.Zero)).CountAsync();
        var latest = await read.Equipment.MaxAsync(e => e.StateSince);

        Assert.Equal([new PlantCode("E-SEVEN"), new PlantCode("E-HALF"), new PlantCode("E-EIGHT")], ordered);
        Assert.Equal(2, after715);
        Assert.Equal(Eight, latest);
    }
}
