using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Live;

/// <summary>
/// Clears equipment alerts when their condition ends (ISA-18.2 "return to normal"): a Down alert when the unit
/// reports any other state, an excursion alert when the unit has no open excursion left. A sweep every few
/// seconds, off the ingest path; the alert stays as history with when it cleared.
/// </summary>
public sealed partial class AlertClearing(IDbContextFactory<MesDbContext> contexts, LiveEvents notifier, TimeProvider clock, ILogger<AlertClearing> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database was busy or down: the next sweep sees the plant as it is then.
                    LogSweepFailed(ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Clears what has returned to normal; returns how many alerts it cleared.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.Alerts.Where(a => a.ClearedAt == null && (a.Kind == AlertKind.EquipmentDown || a.Kind == AlertKind.Excursion))
            .ToListAsync(cancellationToken);
        if (active.Count == 0)
            return 0;
        var units = (await db.Equipment.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(e => e.Code.Value);
        // One read of the excursions the active excursion alerts may be waiting on, not one per alert.
        var watched = active.Where(a => a.Kind == AlertKind.Excursion && units.ContainsKey(a.Source)).ToList();
        var since = watched.Count == 0 ? DateTimeOffset.MaxValue : watched.Min(a => a.RaisedAt);
        var unitIds = watched.Select(a => units[a.Source].Id).Distinct().ToList();
        var excursionsByUnit = (await db.Excursions.AsNoTracking()
                .Where(x => unitIds.Contains(x.EquipmentId) && x.StartedAt >= since).Select(x => new { x.EquipmentId, x.StartedAt, x.EndedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.EquipmentId);
        var cleared = new List<Alert>();
        foreach (var alert in active)
        {
            if (!units.TryGetValue(alert.Source, out var unit))
                continue;
            if (alert.Kind == AlertKind.EquipmentDown && unit.State != EquipmentState.Down && unit.StateSince >= alert.RaisedAt)
            {
                alert.Clear(unit.StateSince);
                cleared.Add(alert);
            }
            else if (alert.Kind == AlertKind.Excursion)
            {
                var excursions = excursionsByUnit[unit.Id].Where(x => x.StartedAt >= alert.RaisedAt).Select(x => x.EndedAt).ToList();
                if (excursions.Count > 0 && excursions.All(end => end is not null))
                {
                    alert.Clear(excursions.Max()!.Value);
                    cleared.Add(alert);
                }
            }
        }
        if (cleared.Count == 0)
            return 0;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var alert in cleared)
            notifier.Publish(new AlertCleared(alert.Id, alert.Kind, alert.Source, alert.State, alert.ClearedAt!.Value));
        return cleared.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearing alerts that returned to normal failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
