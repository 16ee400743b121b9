using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>Healthy when the database answers and has no pending migrations.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<MesDbContext> contexts, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy($"Cannot connect to {options.Provider}.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            var data = new Dictionary<string, object> { ["provider"] = options.Provider.ToString(), ["pendingMigrations"] = pending };
            return pending == 0
                ? HealthCheckResult.Healthy($"{options.Provider} is reachable and at the current schema.", data)
                : HealthCheckResult.Degraded($"{options.Provider} is reachable but {pending} migrations are pending.", data: data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{options.Provider} failed: {ex.Message}");
        }
    }
}
