using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>
/// Degraded while ERP messages are dead letters (failed after every attempt) or one has waited more
/// than an hour: the ERP learns nothing new of what they carry until someone looks at /erp. The MES
/// itself still works, so it is never Unhealthy.
/// </summary>
internal sealed class OutboxHealthCheck(OutboxMonitor monitor, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = await monitor.CountAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["pending"] = counts.Pending, ["failed"] = counts.Failed, ["delivered"] = counts.Delivered };
        if (counts.OldestUndeliveredAt is { } oldest)
            data["oldestUndeliveredAt"] = oldest;
        if (counts.Failed > 0)
            return HealthCheckResult.Degraded($"{counts.Failed} ERP messages failed after every attempt: see Integration (/erp) to send them again.", data: data);
        if (counts.OldestUndeliveredAt is { } waiting && clock.GetUtcNow() - waiting > MaxWait)
            return HealthCheckResult.Degraded($"The oldest ERP message has waited since {waiting:u}: the ERP may be unreachable.", data: data);
        return HealthCheckResult.Healthy($"{counts.Pending} ERP messages on their way, none failed.", data);
    }
}
