using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>Checkpoints the audit chain head every Audit:CheckpointMinutes while the app runs, and once more on the way down.</summary>
internal sealed class AuditCheckpointWriter(AuditCheckpoints checkpoints, AuditChainOptions options, TimeProvider clock, ILogger<AuditCheckpointWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval, clock);
        try
        {
            do
            {
                await WriteAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // What was written since the last tick is anchored too, unless the stop may not wait.
        if (cancellationToken.IsCancellationRequested)
            return;
        try
        {
            await WriteAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await checkpoints.WriteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The trail itself is safe in the database; the next tick tries again.
            logger.LogError(e, "Could not write the audit checkpoint to {File}", options.CheckpointFile);
        }
    }
}
