using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PharmaMes.Infrastructure.Jobs;

/// <summary>
/// Degraded when no background job server has reported in the last minute: the recurring jobs (ERP
/// outbox, lot expiry, shift closes, retention) are not running on any node.
/// </summary>
internal sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var now = clock.GetUtcNow().UtcDateTime;
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < MaxSilence);
        var data = new Dictionary<string, object> { ["servers"] = servers.Count, ["alive"] = alive };
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} background job server(s) running.", data)
            : HealthCheckResult.Degraded("No background job server has reported in the last minute: recurring jobs are not running.", data: data));
    }
}
