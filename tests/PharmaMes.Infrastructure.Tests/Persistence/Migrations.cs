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
}
