using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PharmaMes.Infrastructure.Cluster;

/// <summary>
/// Degraded while Redis is away: the node still ingests and serves its own screens, but they miss what other nodes do,
/// and its own events do not reach them.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await redis.GetAsync();
        return redis.IsConnected
            ? HealthCheckResult.Healthy("Connected: live events reach every node.")
            : HealthCheckResult.Degraded("Redis is not connected: screens on this node miss what other nodes do until it is back.");
    }
}
