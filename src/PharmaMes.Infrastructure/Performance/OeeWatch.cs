using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// Every minute, per line: the current shift's OEE to the retained MQTT topic <c>_mes/oee/{line}</c>, and for each shift
/// that ended in the last day and has not been reported, a <see cref="ErpMessageType.ShiftPerformance"/> message to the ERP.
/// A shift is reported once (its outbox aggregate names it), also after a restart, which reports what it missed.
/// </summary>
public sealed partial class OeeWatch(OeeService oee, IDbContextFactory<MesDbContext> contexts, MesStatePublisher state, CurrentShiftOee current,
    Cluster.ClusterLeadership leadership, TimeProvider clock, ILogger<OeeWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    // Shift reports and the shift published on MQTT come from one node of the cluster.
                    if (leadership.IsLeader)
                        await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database was busy: the next minute reads the plant as it is then, and reports what this one missed.
                    LogSweepFailed(ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Publishes each line's current shift and reports ended shifts; returns how many shift reports it wrote.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var (code, name) in await oee.LinesAsync(cancellationToken))
        {
            try
            {
                written += await SweepLineAsync(code, name, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One line's failure (a busy database) does not keep the others' figures from going out.
                LogSweepFailed($"{code}: {ex.Message}");
            }
        }
        return written;
    }

    private async Task<int> SweepLineAsync(string code, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = await oee.ForLineAsync(code, now.AddHours(-24), now, OeePeriodKind.Shift, cancellationToken);
        if (day is null)
            return 0;
        if ((day.Periods.LastOrDefault(p => !p.Complete) ?? day.Periods.LastOrDefault()) is { } shift)
        {
            var f = shift.Figures;
            state.Publish($"oee/{code}", new LineOeeState(code, shift.Name, shift.Start, now, f.Availability, f.Performance, f.Quality, f.Oee,
                f.PlannedSeconds, f.RunSeconds, f.DownSeconds, f.TotalCount, f.GoodCount, f.RejectCount));
            // Each unit's part of the shift, for the live tiles.
            foreach (var unit in (await oee.ForLineAsync(code, shift.Start, now, OeePeriodKind.Shift, cancellationToken))?.Units ?? [])
                current.Set(unit.Code, new CurrentShiftOee.Entry(shift.Name, shift.Start, unit.Figures, now));
        }
        // One read for which ended shifts are reported already, not one per shift every minute.
        var ended = day.Periods.Where(p => p.Complete).ToDictionary(p => Aggregate(code, p));
        if (ended.Count == 0)
            return 0;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var keys = ended.Keys.ToList();
            foreach (var reported in await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.Aggregate)).Select(m => m.Aggregate).ToListAsync(cancellationToken))
                ended.Remove(reported);
        }
        foreach (var (aggregate, endedShift) in ended)
            await ReportAsync(code, name, aggregate, endedShift, cancellationToken);
        return ended.Count;
    }

    private static string Aggregate(string line, OeePeriod shift) => $"Shift:{line}:{shift.Start.UtcDateTime:yyyyMMddHHmm}";

    private async Task ReportAsync(string line, string lineName, string aggregate, OeePeriod shift, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(AuditActor.System("OEE", $"Shift {shift.Name} of {line} reported"), cancellationToken);
        var units = (await oee.ForLineAsync(line, shift.Start, shift.End, OeePeriodKind.Shift, cancellationToken))?.Units ?? [];
        var f = shift.Figures;
        var payload = new ShiftPerformance(line, lineName, shift.Name, shift.Start, shift.End, f.Availability, f.Performance, f.Quality, f.Oee,
            f.PlannedSeconds, f.RunSeconds, f.DownSeconds, f.TotalCount, f.GoodCount, f.RejectCount,
            [.. f.Losses.Select(l => new ShiftLoss(l.Reason, l.Seconds, l.Stops))],
            [.. units.Select(u => new ShiftUnit(u.Code, u.Figures.Oee, u.Figures.RunSeconds, u.Figures.TotalCount, u.Figures.GoodCount, u.Figures.RejectCount))]);
        db.OutboxMessages.Add(new OutboxMessage(ErpMessageType.ShiftPerformance, aggregate, shift.End, ErpJson.Serialize(payload)));
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OEE sweep failed and runs again in a minute: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
