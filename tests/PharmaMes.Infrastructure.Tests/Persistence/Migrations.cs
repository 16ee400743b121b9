using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests.Persistence;

public class Migrations
{
    [Fact]
    public async Task SqliteMigrationsCreateTheWholeSchemaOnARealFile()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        await using var db = host.NewContext();

        var all = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.True(File.Exists(Path.Combine(host.Folder, "mes.db")));
        Assert.IsType<SqliteMesDbContext>(db);
    }

    [Fact]
    public async Task SqliteMigrationsMatchTheModel()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        await using var db = host.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: add one.");
    }

    [Fact]
    public void SqlServerMigrationsMatchTheModelAndScriptWithoutAServer()
    {
        var options = new DbContextOptionsBuilder<SqlServerMesDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=PharmaMes;User Id=sa;Password=unused;TrustServerCertificate=True")
            .Options;
        using var db = new SqlServerMesDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQL Server migration: add one.");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Equipment]", script);
        Assert.Contains("CREATE TABLE [InventoryLedger]", script);
        Assert.Contains("[StateSince] datetimeoffset NOT NULL", script);
    }

    [Fact]
    public async Task StartingAgainOnTheSameFileKeepsTheDataAndSeedsNothingTwice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int equipment, lots, ledger, users, keys;
            await using (var first = await MesTestHost.StartAsync(demo: true, folder: folder))
            await using (var db = first.NewContext())
            {
                (equipment, lots, ledger, users, keys) = (await db.Equipment.CountAsync(), await db.MaterialLots.CountAsync(),
                    await db.InventoryLedger.CountAsync(), await db.Users.CountAsync(), await db.ApiKeys.CountAsync());
            }

            await using var second = await MesTestHost.StartAsync(demo: true, folder: folder);
            await using var again = second.NewContext();
            Assert.Empty(await again.Database.GetPendingMigrationsAsync());
            Assert.Equal(1, await again.Sites.CountAsync());
            Assert.Equal(equipment, await again.Equipment.CountAsync());
            Assert.Equal(lots, await again.MaterialLots.CountAsync());
            Assert.Equal(ledger, await again.InventoryLedger.CountAsync());
            Assert.Equal(users, await again.Users.CountAsync());
            Assert.Equal(keys, await again.ApiKeys.CountAsync());
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task ExistingCounterReportsGetTheirRunningTotalsWhenTheDatabaseIsUpgraded()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var at = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
        await using (var db = host.NewContext(PharmaMes.Infrastructure.Audit.AuditActor.System("test", "Counter reports")))
        {
            var site = new PharmaMes.Domain.Plant.Site(new("S1"), "Site");
            var line = site.AddArea(new("A1"), "Area").AddLine(new("L1"), "Line");
            var press = line.AddEquipment(new("PRESS"), "Press", PharmaMes.Domain.Plant.EquipmentClass.TabletPress, at.AddDays(-1));
            var packer = line.AddEquipment(new("PACKER"), "Packer", PharmaMes.Domain.Plant.EquipmentClass.BlisterPacker, at.AddDays(-1));
            db.Add(site);
            // The press's counter resets after 70 good; the packer reports on its own.
            foreach (var (unit, good, reject, second) in new[] { (press, 0L, 0L, 0), (press, 50L, 1L, 10), (packer, 5L, 0L, 15), (press, 70L, 1L, 20), (press, 30L, 2L, 30), (packer, 9L, 3L, 40) })
                db.ProductionCounts.Add(unit.RecordCounters(new PharmaMes.Domain.Plant.CounterReading(good, reject, at.AddSeconds(second))));
            await db.SaveChangesAsync();
        }
        var migrator = host.NewContext().GetService<IMigrator>();
        var migrations = host.NewContext().Database.GetMigrations().ToList();
        var runningTotals = migrations.FindIndex(m => m.EndsWith("_CountRunningTotals", StringComparison.Ordinal));

        // Back to the schema before running totals (the columns go), then up again: the upgrade computes them.
        await migrator.MigrateAsync(migrations[runningTotals - 1]);
        await migrator.MigrateAsync();

        await using var upgraded = host.NewContext();
        var totals = await upgraded.ProductionCounts.OrderBy(c => c.At).Join(upgraded.Equipment, c => c.EquipmentId, e => e.Id, (c, e) => new { e.Code, c.TotalGood, c.TotalReject })
            .ToListAsync();
        Assert.Equal(["PRESS 0/0", "PRESS 50/1", "PACKER 0/0", "PRESS 70/1", "PRESS 100/3", "PACKER 4/3"],
            totals.Select(t => $"{t.Code.Value} {t.TotalGood}/{t.TotalReject}"));
        var equipment = await upgraded.Equipment.OrderBy(e => e.Code).Select(e => new { e.Code, e.CountedGood, e.CountedReject }).ToListAsync();
        Assert.Equal(["PACKER 4/3", "PRESS 100/3"], equipment.Select(e => $"{e.Code.Value} {e.CountedGood}/{e.CountedReject}"));
    }
}
