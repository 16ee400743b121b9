using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// Stops that wait for a person to say why (Down or Idle for at least the small-stop threshold, with no reason from the
/// device and none given yet), and giving that reason from the equipment class's tree, audited.
/// </summary>
public sealed partial class StopReasonService(IDbContextFactory<MesDbContext> contexts, IOptions<PerformanceOptions> options, TimeProvider clock,
    ILogger<StopReasonService> logger)
{
    public const int MaxListed = 20;

    /// <summary>How far back a stop still waits for its reason on the screens.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromHours(24);

    /// <summary>How old the tiles' counts may be before a tile's render asks for a new count.</summary>
    public static readonly TimeSpan CountAge = TimeSpan.FromSeconds(15);

    private readonly TimeSpan _smallStop = options.Value.SmallStop;
    private volatile Counted _waiting = new(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase), DateTimeOffset.MinValue, 0);
    private readonly Lock _countLock = new();
    private long _countsStarted;
    private int _counting;

    /// <summary>A count, and which count it was (a slow count started earlier never replaces a later one).</summary>
    private sealed record Counted(IReadOnlyDictionary<string, int> ByEquipment, DateTimeOffset At, long Number);

    /// <summary>The stops of a line's equipment (every line's when <paramref name="line"/> is null) that wait for a reason, latest first.</summary>
    public Task<IReadOnlyList<UnexplainedStop>> UnexplainedAsync(string? line, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        UnexplainedAsync(line, equipment: null, since, cancellationToken);

    /// <summary>The stops of one equipment that wait for a reason, latest first.</summary>
    public Task<IReadOnlyList<UnexplainedStop>> UnexplainedOfEquipmentAsync(string equipment, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        UnexplainedAsync(line: null, equipment, since, cancellationToken);

    /// <summary>
    /// How many stops of the equipment waited for a reason in the last 24 hours when last counted, for its live tile. The
    /// count is at most <see cref="CountAge"/> old while tiles ask (an older one is counted again in the background, once
    /// for every tile), and counted again after each reason given here.
    /// </summary>
    public int Waiting(string equipmentCode)
    {
        var counted = _waiting;
        if (clock.GetUtcNow() - counted.At > CountAge && Interlocked.CompareExchange(ref _counting, 1, 0) == 0)
            _ = RecountAsync();
        return counted.ByEquipment.GetValueOrDefault(equipmentCode);
    }

    private async Task RecountAsync()
    {
        try
        {
            await TryCountWaitingAsync();
        }
        finally
        {
            Volatile.Write(ref _counting, 0);
        }
    }

    /// <summary>Counts again; a failure (a busy database) leaves the tiles the last count and is only logged.</summary>
    private async Task TryCountWaitingAsync()
    {
        try
        {
            await CountWaitingAsync();
        }
        catch (Exception ex)
        {
            LogCountFailed(ex.Message);
        }
    }

    /// <summary>Raised when a count differs from the one before (tiles render again), and on the count tiles wait for.</summary>
    public event Action? WaitingChanged;

    /// <summary>Counts again, per equipment, the stops of the last 24 hours that wait for a reason.</summary>
    public async Task CountWaitingAsync(CancellationToken cancellationToken = default)
    {
        var number = Interlocked.Increment(ref _countsStarted);
        var now = clock.GetUtcNow();
        var stops = await UnexplainedAsync(line: null, equipment: null, now - Lookback, cancellationToken, limit: null);
        var counted = new Counted(stops.GroupBy(s => s.Equipment).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase), now, number);
        bool changed;
        lock (_countLock)
        {
            if (counted.Number <= _waiting.Number)
                return;
            var before = _waiting.ByEquipment;
            changed = before.Count != counted.ByEquipment.Count || counted.ByEquipment.Any(c => before.GetValueOrDefault(c.Key) != c.Value);
            _waiting = counted;
        }
        if (changed)
            WaitingChanged?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the stops that wait for a reason failed; the tiles keep the last count: {Reason}")]
    private partial void LogCountFailed(string reason);

    private async Task<IReadOnlyList<UnexplainedStop>> UnexplainedAsync(string? line, string? equipment, DateTimeOffset since, CancellationToken cancellationToken,
        int? limit = MaxListed)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = db.Equipment.AsNoTracking();
        if (line is not null)
        {
            if (PlantCode.TryParse(line) is not { } lineCode)
                return [];
            units = units.Where(e => db.Lines.Any(l => l.Id == e.LineId && l.Code == lineCode));
        }
        if (equipment is not null)
        {
            if (PlantCode.TryParse(equipment) is not { } unitCode)
                return [];
            units = units.Where(e => e.Code == unitCode);
        }
        var byId = (await units.Select(e => new { e.Id, e.Code, e.Name, e.Class }).ToListAsync(cancellationToken)).ToDictionary(u => u.Id);
        var ids = byId.Keys.ToList();
        var now = clock.GetUtcNow();
        var query = db.StateIntervals.AsNoTracking()
            .Where(i => ids.Contains(i.EquipmentId) && i.StartedAt >= since && (i.State == EquipmentState.Down || i.State == EquipmentState.Idle)
                        && (i.Reason == null || i.Reason == ""))
            .Where(i => !db.StopReasons.Any(r => r.StateIntervalId == i.Id))
            .OrderByDescending(i => i.StartedAt);
        // Short stops are dropped after reading (their length is not a column): read a few times the listed number.
        var candidates = await (limit is { } most ? query.Take(most * 5) : query).ToListAsync(cancellationToken);
        return [.. candidates.Where(i => (i.EndedAt ?? now) - i.StartedAt >= _smallStop).Take(limit ?? int.MaxValue)
            .Select(i => new UnexplainedStop(i.Id, byId[i.EquipmentId].Code.Value, byId[i.EquipmentId].Name, i.State, i.StartedAt, i.EndedAt,
                DowntimeReasonTree.For(byId[i.EquipmentId].Class)))];
    }

    /// <summary>
    /// Splits a stop in two at <paramref name="at"/>, each part with its own reason (waiting for material, then a
    /// breakdown while waiting). It stays one stop: one failure, judged small or not by its whole length. A later
    /// reason or split supersedes this one.
    /// </summary>
    public async Task SplitAsync(Guid intervalId, DateTimeOffset at, string firstReason, string secondReason, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var (interval, equipment) = await StopAsync(db, intervalId, cancellationToken);
        var end = interval.EndedAt ?? clock.GetUtcNow();
        if (at <= interval.StartedAt || at >= end)
            throw new DomainException($"Split the stop between its start ({interval.StartedAt.UtcDateTime:HH:mm:ss}) and its end ({end.UtcDateTime:HH:mm:ss} UTC).");
        var first = Reason(equipment, firstReason);
        var second = Reason(equipment, secondReason);
        var now = clock.GetUtcNow();
        db.StopReasons.Add(new StopReason(interval.Id, equipment.Id, first, actor.Name, now));
        db.StopReasons.Add(new StopReason(interval.Id, equipment.Id, second, actor.Name, now, from: at));
        await db.SaveChangesAsync(cancellationToken);
        // The reason is stored: the tiles' count follows, and its failure would not undo it.
        await TryCountWaitingAsync();
    }

    /// <summary>Gives the stop its reason; a later reason for the same stop supersedes this one (both stay in the trail).</summary>
    public async Task AssignAsync(Guid intervalId, string reasonPath, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var (interval, equipment) = await StopAsync(db, intervalId, cancellationToken);
        db.StopReasons.Add(new StopReason(interval.Id, equipment.Id, Reason(equipment, reasonPath), actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        // The reason is stored: the tiles' count follows, and its failure would not undo it.
        await TryCountWaitingAsync();
    }

    private static async Task<(StateInterval Interval, Equipment Equipment)> StopAsync(MesDbContext db, Guid intervalId, CancellationToken cancellationToken)
    {
        var interval = await db.StateIntervals.AsNoTracking().SingleOrDefaultAsync(i => i.Id == intervalId, cancellationToken)
            ?? throw new DomainException("There is no such stop.");
        if (interval.State == EquipmentState.Running)
            throw new DomainException("The equipment was running then: only a stop has a reason.");
        return (interval, await db.Equipment.AsNoTracking().SingleAsync(e => e.Id == interval.EquipmentId, cancellationToken));
    }

    private static DowntimeReason Reason(Equipment equipment, string path) =>
        DowntimeReasonTree.Find(equipment.Class, path)
            ?? throw new DomainException($"'{path}' is not a reason for a {equipment.Class}: choose one from its list.");
}
