using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema at start-up, when configured to.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<MesDbContext> contexts, DatabaseOptions options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!options.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                logger.LogWarning("Database:MigrateOnStartup is false and {Count} migrations are pending: {Migrations}", pending.Count, string.Join(", ", pending));
            return;
        }
        var applied = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers (dashboards) go on while the ingest pipeline writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        var balances = await Materials.LotBalanceBackfill.RunAsync(db, DateTimeOffset.UtcNow, cancellationToken);
        if (balances > 0)
            logger.LogInformation("Stock balances taken over from the ledger for {Count} lots", balances);
        logger.LogInformation("Database {Database} is at the current schema ({Count} migrations applied now)", options.Describe(), applied.Count);
    }
}
