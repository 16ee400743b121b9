using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>Deletes raw telemetry samples past <c>Telemetry:RetentionDays</c>, once an hour, series by series.</summary>
public sealed partial class TelemetryRetention(
    IDbContextFactory<MesDbContext> contexts,
    IOptions<TelemetryRetentionOptions> options,
    Cluster.ClusterLeadership leadership,
    TimeProvider clock,
    ILogger<TelemetryRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                // One node of the cluster deletes; two would only get in each other's way.
                if (leadership.IsLeader)
                    await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes what is past retention now; returns how many samples went.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        if (days <= 0)
            return 0;
        var cutoff = clock.GetUtcNow().AddDays(-days);
        var deleted = 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channels = await db.TelemetryChannels.Select(c => c.Id).ToListAsync(cancellationToken);
        // One series at a time: each delete is a range of the sample key, not a table scan.
        foreach (var channel in channels)
        {
            deleted += await db.TelemetrySamples
                .Where(s => s.ChannelId == channel && s.Time < cutoff)
                .ExecuteDeleteAsync(cancellationToken);
        }
        if (deleted > 0)
            LogPurged(deleted, days);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} telemetry samples older than {Days} days")]
    private partial void LogPurged(int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting old telemetry samples failed; it is tried again in an hour")]
    private partial void LogFailed(Exception exception);
}
