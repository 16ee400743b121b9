using PharmaMes.Infrastructure.Live;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Planning;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// Turns a material running short for the schedule into a schedule impact: after stock moves (a lot rejected, put on
/// hold, used, scrapped, received), orders change or a new schedule comes into force, it walks the schedule against the
/// stock (<see cref="MaterialPlanService"/>) and answers each material that has just become short, once while it stays
/// short; and, whatever was known, a material short after QA rejected or put on hold one of its lots, naming the lot.
/// Materials already short when the MES starts (for the schedule in force, or for open orders the stock cannot cover) are
/// known, not news.
/// </summary>
public sealed partial class MaterialWatch(MaterialPlanService materials, PlanningProblemReader reader, ImpactService impacts,
    LiveEvents commits, IDbContextFactory<MesDbContext> contexts, TimeProvider clock, ILogger<MaterialWatch> logger) : BackgroundService
{
    // Changes come in bursts (a dispensing issues several lots): look once they settle.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _changed = new(0, 1);
    private HashSet<string> _short = [];
    // Lot decisions after this instant are news to the next review.
    private DateTimeOffset _reviewedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = commits.Subscribe<CommittedChanges>(OnCommitted, LiveEventScope.ThisNode);
        // A plan made on this node: the node that planned reviews what it leaves short.
        using var planned = commits.Subscribe<PlanChanged>(_ => Signal(), LiveEventScope.ThisNode);
        try
        {
            _reviewedAt = clock.GetUtcNow();
            var known = (await reader.ReadAsync(_reviewedAt, stoppingToken)).MaterialWaits.Where(w => w.WaitsForDelivery).Select(w => w.Material);
            _short = [.. known, .. (await materials.ShortfallsAsync(stoppingToken)).Select(s => s.Material)];
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);
                await Task.Delay(Settle, clock, stoppingToken);
                try
                {
                    await ReviewAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogReviewFailed(ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReviewAsync(CancellationToken cancellationToken)
    {
        var since = _reviewedAt;
        _reviewedAt = clock.GetUtcNow();
        var shortfalls = await materials.ShortfallsAsync(cancellationToken);
        var decided = await DecidedLotsAsync(since, cancellationToken);
        var news = shortfalls.Where(s => !_short.Contains(s.Material) || decided.Any(d => d.Material == s.Material)).ToList();
        _short = [.. shortfalls.Select(s => s.Material)];
        if (news.Count == 0)
            return;
        var lot = decided.FirstOrDefault(d => d.Material == news[0].Material);
        var (cause, subject) = lot is null ? (ImpactCause.MaterialShort, news[0].Material)
            : lot.Status == LotStatus.Rejected ? (ImpactCause.LotRejected, lot.Number) : (ImpactCause.LotHeld, lot.Number);
        var lotWords = lot is null ? ""
            : $"Lot {lot.Number} of {lot.Material} {(lot.Status == LotStatus.Rejected ? "rejected" : "put on hold")}: {lot.Reason}. ";
        await impacts.RaiseForMaterialAsync(cause, subject, lotWords + string.Join("; ", news.Select(Words)), news, cancellationToken);
    }

    private sealed record DecidedLot(string Number, string Material, LotStatus Status, string? Reason);

    /// <summary>The lots QA rejected or put on hold since the last review, the latest first.</summary>
    private async Task<List<DecidedLot>> DecidedLotsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lots = await (from l in db.MaterialLots.AsNoTracking()
                          join m in db.Materials.AsNoTracking() on l.MaterialId equals m.Id
                          where l.StatusChangedAt >= since && l.StatusReason != null && (l.Status == LotStatus.Rejected || l.Status == LotStatus.Quarantine)
                          select new { l.Number, m.Code, l.Status, l.StatusReason, l.StatusChangedAt }).ToListAsync(cancellationToken);
        return [.. lots.OrderByDescending(l => l.StatusChangedAt).Select(l => new DecidedLot(l.Number.Value, l.Code.Value, l.Status, l.StatusReason))];
    }

    private static string Words(MaterialShortfall shortfall) =>
        $"{shortfall.Material} short for the plan from {shortfall.RunsShortAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: "
        + $"{shortfall.ShortBy.ToString("#,0.###", CultureInfo.InvariantCulture)} {shortfall.Unit} missing for {string.Join(", ", shortfall.Orders)}";

    private void OnCommitted(CommittedChanges changes)
    {
        if (changes.MaterialsWithStockChange.Count > 0 || changes.OrdersChanged.Count > 0)
            Signal();
    }

    private void Signal()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A review is already asked for: it reads everything changed until it starts.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The material review of the schedule failed; trying again at the next change: {Reason}")]
    private partial void LogReviewFailed(string reason);
}
