using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Alerts;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// Watches stock as it changes: after every commit that moved stock it recomputes those materials,
/// raises a procurement alert when available stock falls below the reorder point or is projected
/// to run out within the horizon (once, while the condition lasts), clears it when the condition
/// ends, tells the screens, and publishes the figures and alerts on MQTT. Every material is also
/// looked at again every minute, since a projection moves with time even when nothing is posted.
/// </summary>
public sealed partial class InventoryWatch(
    LiveEvents feed,
    InventoryOverviewService overview,
    IDbContextFactory<MesDbContext> contexts,
    LiveEvents notifier,
    MesStatePublisher state,
    Cluster.ClusterLeadership leadership,
    IOptions<InventoryOptions> options,
    TimeProvider clock,
    ILogger<InventoryWatch> logger) : BackgroundService
{
    private static readonly AlertKind[] Kinds = [AlertKind.BelowReorderPoint, AlertKind.StockOutProjected];

    private readonly Channel<Guid> _changed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Action<CommittedChanges> onCommit = changes =>
        {
            foreach (var material in changes.MaterialsWithStockChange)
                _changed.Writer.TryWrite(material);
        };
        // Stock alerts are raised once, by the node where the stock moved.
        using var subscription = feed.Subscribe(onCommit, LiveEventScope.ThisNode);
        try
        {
            // A moment after start-up, not during it: the plant's own publishers connect first.
            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            // The whole-plant review raises stock alerts: one node of the cluster does it.
            if (leadership.IsLeader)
                await ReviewAsync(null, stoppingToken);
            var nextReview = clock.GetUtcNow().AddSeconds(options.Value.ReviewSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = nextReview - clock.GetUtcNow();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
                var changed = new HashSet<Guid>();
                try
                {
                    changed.Add(await _changed.Reader.ReadAsync(timeout.Token));
                    // A batch dispensing five materials is one review, not five.
                    await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
                    while (_changed.Reader.TryRead(out var more))
                        changed.Add(more);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
                if (changed.Count == 0)
                {
                    if (leadership.IsLeader)
                        await ReviewAsync(null, stoppingToken);
                    nextReview = clock.GetUtcNow().AddSeconds(options.Value.ReviewSeconds);
                }
                else
                    await ReviewAsync(changed, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Recomputes the materials (all when null), raises and clears their alerts, and tells screens and subscribers.</summary>
    public async Task ReviewAsync(IReadOnlyCollection<Guid>? materialIds, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyCollection<string>? codes = null;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (materialIds is not null)
                codes = (await db.Materials.AsNoTracking().Where(m => materialIds.Contains(m.Id)).Select(m => m.Code).ToListAsync(cancellationToken))
                    .Select(c => c.Value).ToList();
            var figures = await overview.ListAsync(codes, cancellationToken);
            var now = clock.GetUtcNow();
            var sources = figures.Select(f => f.Code).ToList();
            var active = await db.Alerts.Where(a => a.ClearedAt == null && Kinds.Contains(a.Kind) && sources.Contains(a.Source)).ToListAsync(cancellationToken);
            var raised = new List<Alert>();
            var cleared = new List<Alert>();
            var horizon = TimeSpan.FromHours(options.Value.StockOutHorizonHours);
            foreach (var material in figures)
            {
                Decide(db, active, raised, cleared, material.Code, AlertKind.BelowReorderPoint,
                    material.ReorderPoint > 0 && material.IsBelowReorderPoint,
                    () => $"{material.Code} {material.Name}: available {Amount(material.Available)} {material.Unit} is below the reorder point of {Amount(material.ReorderPoint)} {material.Unit}.", now);
                Decide(db, active, raised, cleared, material.Code, AlertKind.StockOutProjected,
                    material.ProjectedStockOut is { } at && at - now <= horizon,
                    () => $"{material.Code} {material.Name}: at {Amount(material.ConsumptionPerHour)} {material.Unit}/h, available stock runs out {Until(material.ProjectedStockOut!.Value - now)} ({material.ProjectedStockOut.Value.UtcDateTime:HH:mm} UTC).", now);
            }
            if (raised.Count > 0 || cleared.Count > 0)
                await db.SaveChangesAsync(cancellationToken);

            foreach (var alert in raised)
            {
                notifier.Publish(new AlertRaised(alert.Id, alert.Kind, alert.Source, alert.Message, alert.RaisedAt));
                state.Publish($"alerts/{alert.Id}", new AlertState(alert.Id, alert.Kind, alert.Source, alert.Message, alert.RaisedAt));
                LogRaised(alert.Kind, alert.Source, alert.Message);
            }
            foreach (var alert in cleared)
            {
                notifier.Publish(new AlertCleared(alert.Id, alert.Kind, alert.Source, alert.State, alert.ClearedAt!.Value));
                state.Publish($"alerts/{alert.Id}", null);
            }
            foreach (var material in figures)
                state.Publish($"inventory/{material.Code}", InventoryState.Of(material, now));
            if (figures.Count > 0)
                notifier.Publish(new InventoryChanged(sources));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next change or the next review tries again; the stock itself is safe in the ledger.
            LogReviewFailed(ex.Message);
        }
    }

    private static void Decide(MesDbContext db, List<Alert> active, List<Alert> raised, List<Alert> cleared, string code, AlertKind kind,
        bool condition, Func<string> message, DateTimeOffset now)
    {
        var current = active.FirstOrDefault(a => a.Source == code && a.Kind == kind);
        if (condition && current is null)
        {
            var text = message();
            var alert = new Alert(kind, code, text.Length > Alert.MessageMaxLength ? text[..Alert.MessageMaxLength] : text, now);
            db.Alerts.Add(alert);
            raised.Add(alert);
        }
        else if (!condition && current is not null)
        {
            current.Clear(now);
            cleared.Add(current);
        }
    }

    private static string Amount(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string Until(TimeSpan span) =>
        span <= TimeSpan.Zero ? "now"
        : span.TotalHours >= 1 ? $"in {(int)span.TotalHours} h {span.Minutes} min"
        : $"in {Math.Max(1, (int)span.TotalMinutes)} min";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Procurement alert {Kind} for {Material}: {Message}")]
    private partial void LogRaised(AlertKind kind, string material, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inventory review failed and will be tried again: {Error}")]
    private partial void LogReviewFailed(string error);
}
