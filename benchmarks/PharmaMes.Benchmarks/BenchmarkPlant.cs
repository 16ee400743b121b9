using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Benchmarks;

/// <summary>
/// The load generator's equipment (LOAD-001... on PLANT1/OSD/OSD-L1, tags v1..v5) as a plant the MES knows;
/// the Sparkplug case gives each equipment ten tags (v1..v10), one per metric of its devices.
/// </summary>
internal static class BenchmarkPlant
{
    public static async Task SeedAsync(IDbContextFactory<MesDbContext> contexts, int equipmentCount, int tagCount = 5)
    {
        await using var db = await contexts.CreateDbContextAsync(AuditActor.System("benchmark set-up", "Benchmark plant seeded"));
        // The plant model is audited GMP data: the benchmark sets it up as the system.
        var now = DateTimeOffset.UtcNow;
        var site = new Site(new PlantCode("PLANT1"), "Benchmark site");
        var line = site.AddArea(new PlantCode("OSD"), "Oral solid dose").AddLine(new PlantCode("OSD-L1"), "Line 1");
        for (var i = 1; i <= equipmentCount; i++)
        {
            var equipment = line.AddEquipment(new PlantCode($"LOAD-{i:000}"), $"Load equipment {i}", EquipmentClass.TabletPress, now.AddDays(-1));
            for (var t = 1; t <= tagCount; t++)
                equipment.DefineTag(new TagName($"v{t}"), $"Value {t}", new UnitOfMeasure("u"), new ValueRange(0, 1000), new ValueRange(-1000, 2000));
            equipment.ChangeState(EquipmentState.Idle, now.AddHours(-1));
            equipment.ChangeState(EquipmentState.Running, now.AddMinutes(-30));
        }
        db.Sites.Add(site);
        await db.SaveChangesAsync();
    }
}
