using PharmaMes.Infrastructure.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// Keeps the schedule in force current: plans at start, again a few seconds after orders, batches, equipment fitness or
/// lots (received, released, held, rejected) change (changes come in bursts, so it waits for them to settle), and at least every few minutes since time
/// moves on; not while a disturbance's proposal waits for a planner. A failed plan is logged and tried again at the next
/// change or tick.
/// </summary>
public sealed partial class ScheduleWatch(ScheduleService schedule, ImpactService impacts, LiveEvents commits, Cluster.ClusterLeadership leadership, IOptions<PlanningOptions> options, TimeProvider clock,
    ILogger<ScheduleWatch> logger) : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        // Planning writes the schedule: the node where the change happened plans, once for the cluster.
        using var subscription = commits.Subscribe<CommittedChanges>(OnCommitted, LiveEventScope.ThisNode);
        try
        {
            var settle = TimeSpan.FromSeconds(options.Value.SettleSeconds);
            var every = TimeSpan.FromMinutes(options.Value.ReplanMinutes);
            await Task.Delay(settle, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // A proposal waiting for a planner is the next schedule: planning over it would decide for them.
                    // One node of the cluster plans; the others show its plan.
                    if (leadership.IsLeader && await impacts.WaitingAsync(stoppingToken) is null)
                        await schedule.PlanAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPlanFailed(ex.Message);
                }
                if (await _changed.WaitAsync(every, stoppingToken))
                    await Task.Delay(settle, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnCommitted(CommittedChanges changes)
    {
        if (changes.OrdersChanged.Count == 0 && changes.BatchesChanged.Count == 0 && changes.EquipmentChanged.Count == 0 && !changes.PlantChanged
            && !changes.LotsChanged)
            return;
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A plan is already asked for: it reads everything changed until it starts.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Planning failed; trying again at the next change: {Reason}")]
    private partial void LogPlanFailed(string reason);
}
