using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public class PostgreSqlMigrations(PostgreSqlFixture postgres)
{
    private static PostgreSqlMesDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgreSqlMesDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>The migrations written for PostgreSQL, found by their attributes rather than through EF.</summary>
    private static List<string> PostgreSqlMigrationsInTheAssembly() =>
        typeof(PostgreSqlMesDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(PostgreSqlMesDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task TheMigrationsMatchTheModelAndBuildTheSchemaInAnEmptyDatabase()
    {
        var connectionString = (await postgres.NewDatabaseAsync())["ConnectionStrings:Mes"]!;
        await using var db = Context(connectionString);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: add one.");
        await db.Database.MigrateAsync();

        var expected = PostgreSqlMigrationsInTheAssembly();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, db.Database.GetMigrations().ToList());
        Assert.Equal(expected, (await db.Database.GetAppliedMigrationsAsync()).ToList());
        // Instants are UTC ticks, as on SQLite; identifiers keep their case.
        var timeType = await db.Database.SqlQueryRaw<string>(
            "SELECT data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'TelemetrySamples' AND column_name = 'Time'").SingleAsync();
        Assert.Equal("bigint", timeType);
    }

    [Fact]
    public async Task MigratingDownToNothingRemovesEveryTableAndTheAppendOnlyTrigger()
    {
        var connectionString = (await postgres.NewDatabaseAsync())["ConnectionStrings:Mes"]!;
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync();
        Assert.Equal(1, await Count(db, "SELECT count(*) AS \"Value\" FROM pg_proc WHERE proname = 'AuditEntries_RefuseChange'"));

        await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);

        Assert.Equal(0, await Count(db, "SELECT count(*) AS \"Value\" FROM pg_proc WHERE proname = 'AuditEntries_RefuseChange'"));
        Assert.Equal(0, await Count(db, "SELECT count(*) AS \"Value\" FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'"));
    }

    private static Task<long> Count(DbContext db, string sql) => db.Database.SqlQueryRaw<long>(sql).SingleAsync();
}
