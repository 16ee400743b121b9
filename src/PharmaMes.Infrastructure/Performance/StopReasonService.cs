using Microsoft.EntityFrameworkCore;
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
public sealed class StopReasonService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    public const int MaxListed = 20;

    public async Task<IReadOnlyList<UnexplainedStop>> UnexplainedAsync(string line, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = new PlantCode(line);
        var units = await db.Lines.AsNoTracking().Where(l => l.Code == code)
            .Join(db.Equipment.AsNoTracking(), l => l.Id, e => e.LineId, (_, e) => new { e.Id, e.Code, e.Name, e.Class }).ToListAsync(cancellationToken);
        var ids = units.Select(u => u.Id).ToList();
        var now = clock.GetUtcNow();
        var candidates = await db.StateIntervals.AsNoTracking()
            .Where(i => ids.Contains(i.EquipmentId) && i.StartedAt >= since && (i.State == EquipmentState.Down || i.State == EquipmentState.Idle)
                        && (i.Reason == null || i.Reason == ""))
            .Where(i => !db.StopReasons.Any(r => r.StateIntervalId == i.Id))
            .OrderByDescending(i => i.StartedAt).Take(MaxListed * 5).ToListAsync(cancellationToken);
        var byId = units.ToDictionary(u => u.Id);
        return [.. candidates.Where(i => (i.EndedAt ?? now) - i.StartedAt >= OeeCalculation.DefaultSmallStop).Take(MaxListed)
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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditActor = actor;
        db.AuditClock = clock;
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
    }

    /// <summary>Gives the stop its reason; a later reason for the same stop supersedes this one (both stay in the trail).</summary>
    public async Task AssignAsync(Guid intervalId, string reasonPath, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditActor = actor;
        db.AuditClock = clock;
        var (interval, equipment) = await StopAsync(db, intervalId, cancellationToken);
        db.StopReasons.Add(new StopReason(interval.Id, equipment.Id, Reason(equipment, reasonPath), actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
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
