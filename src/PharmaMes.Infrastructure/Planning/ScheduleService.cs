using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Planning;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Persistence;

using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// Makes the schedule in force and reads it: the plant's problem is read, solved (CP-SAT, starting from earliest due
/// date, within the time limit) and stored in place of the previous schedule. One plan at a time.
/// </summary>
public sealed class ScheduleService(IDbContextFactory<MesDbContext> contexts, PlanningProblemReader reader, TimeProvider clock,
    LiveEvents events, IOptions<PlanningOptions> options, ILogger<ScheduleService> logger)
{
    private readonly SemaphoreSlim _planning = new(1, 1);
    private PlanningRun? _last;

    /// <summary>The last plan made by this node, with what could not be placed and the times equipment cannot run.</summary>
    public PlanningRun? Last => _last;

    public async Task<PlanningRun> PlanAsync(CancellationToken cancellationToken = default)
    {
        await _planning.WaitAsync(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            var snapshot = await reader.ReadAsync(clock.GetUtcNow(), cancellationToken);
            var read = watch.Elapsed;
            var inForce = await InForceAsync(cancellationToken);
            var proposal = await Task.Run(() => ScheduleRepair.PlanWhole(snapshot.Problem, inForce, options.Value.TimeLimit, options.Value.SolverMaxOperations),
                cancellationToken);
            var plannedAt = clock.GetUtcNow();
            await StoreAsync(snapshot, proposal, plannedAt, PinnedOf(inForce), cancellationToken);
            var run = new PlanningRun(plannedAt, proposal.Method, proposal.WeightedTardinessMinutes, watch.Elapsed, snapshot);
            _last = run;
            logger.LogInformation("Planned {Orders} orders ({Operations} operations) by {Method} in {Elapsed} ms (read {Read} ms); weighted tardiness {Tardiness} min",
                snapshot.Problem.Orders.Count, proposal.Operations.Count, proposal.Method, (long)watch.Elapsed.TotalMilliseconds, (long)read.TotalMilliseconds,
                proposal.WeightedTardinessMinutes);
            // Every node's planning screens, whichever node planned.
            events.Publish(new PlanChanged(plannedAt));
            return run;
        }
        finally
        {
            _planning.Release();
        }
    }

    /// <summary>The pinned operations of a schedule: kept pinned where a new one leaves them as they are.</summary>
    internal static HashSet<PlannedOperation> PinnedOf(IEnumerable<ScheduledOperation> operations) =>
        [.. operations.Where(o => o.Pinned).Select(o => o.Planned)];

    private async Task StoreAsync(PlantPlanningSnapshot snapshot, ScheduleProposal proposal, DateTimeOffset plannedAt, HashSet<PlannedOperation> pinned,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ReplaceAsync(db, proposal.Operations.Select(o =>
                new ScheduledOperation(o, snapshot.StepNames.GetValueOrDefault((o.OrderNumber, o.Step)) ?? $"Step {o.Step}", plannedAt, pinned.Contains(o))), ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Puts <paramref name="operations"/> in force in place of the schedule, in the caller's transaction.</summary>
    internal static async Task ReplaceAsync(MesDbContext db, IEnumerable<ScheduledOperation> operations, CancellationToken cancellationToken)
    {
        await db.ScheduledOperations.ExecuteDeleteAsync(cancellationToken);
        db.ScheduledOperations.AddRange(operations);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The operations in force now.</summary>
    public async Task<IReadOnlyList<ScheduledOperation>> InForceAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScheduledOperations.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>The equipment that can run an order's step, as the last plan saw the plant (the board offers them for a move).</summary>
    public IReadOnlyList<string> EligibleEquipment(string order, int step) =>
        _last?.Snapshot.Problem.Orders.FirstOrDefault(o => o.Number == order)?.Operations.FirstOrDefault(o => o.Step == step) is { } operation
            ? [.. operation.DurationOn.Keys.Order(StringComparer.Ordinal)]
            : [];

    /// <summary>An accepted proposal is in force: the board reads it, with the plant as that proposal saw it.</summary>
    internal void Adopted(PlanningRun run)
    {
        _last = run;
        events.Publish(new PlanChanged(run.PlannedAt));
    }

    /// <summary>
    /// The stored schedule: orders with an operation between <paramref name="from"/> and <paramref name="to"/> (all when
    /// not given), on the line given or all lines.
    /// </summary>
    public async Task<ScheduleView> GetAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, string? line = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ViewAsync(db, await db.ScheduledOperations.AsNoTracking().ToListAsync(cancellationToken), _last, from, to, line, cancellationToken);
    }

    /// <summary>A proposal as it would be in force: the same board, other operations.</summary>
    public async Task<ScheduleView> PreviewAsync(IReadOnlyList<ProposedOperation> proposal, DateTimeOffset proposedAt, PlanningRun? run, string? line = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var operations = proposal.Select(p => new ScheduledOperation(new PlannedOperation(p.OrderNumber, p.Step, p.Equipment, p.Start, p.End), p.StepName,
            proposedAt)).ToList();
        return await ViewAsync(db, operations, run ?? _last, null, null, line, cancellationToken);
    }

    private async Task<ScheduleView> ViewAsync(MesDbContext db, IReadOnlyList<ScheduledOperation> operations, PlanningRun? run, DateTimeOffset? from,
        DateTimeOffset? to, string? line, CancellationToken cancellationToken)
    {
        var numbers = operations.Select(o => o.OrderNumber).Distinct().Select(n => new OrderNumber(n)).ToList();
        var orders = (await db.ProductionOrders.AsNoTracking().Where(o => numbers.Contains(o.Number)).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Number.Value);
        var equipment = run?.Snapshot.Equipment.Values.ToList() ?? await EquipmentAsync(db, cancellationToken);
        var lineCode = string.IsNullOrWhiteSpace(line) ? null : line.Trim().ToUpperInvariant();
        var onLine = equipment.Where(e => lineCode is null || e.Line == lineCode).Select(e => e.Code).ToHashSet();

        var views = new List<ScheduledOrderView>();
        foreach (var group in operations.GroupBy(o => o.OrderNumber))
        {
            if (!orders.TryGetValue(group.Key, out var order))
                continue;
            var steps = group.OrderBy(o => o.Step).Select(o => new ScheduledOperationView(o.OrderNumber, o.Step, o.StepName, o.EquipmentCode, o.PlannedStart,
                o.PlannedEnd, order.ProductCode.Value, o.Pinned)).ToList();
            if (!steps.Any(s => onLine.Contains(s.EquipmentCode)) || (from is { } f && steps.Max(s => s.PlannedEnd) < f) || (to is { } t && steps.Min(s => s.PlannedStart) > t))
                continue;
            var end = steps.Max(s => s.PlannedEnd);
            var due = PlanningProblemReader.DueOf(order);
            views.Add(new ScheduledOrderView(order.Number.Value, order.ProductCode.Value, order.Quantity.Amount, order.Quantity.Unit.Symbol, order.Priority,
                order.PriorityName, order.Status.ToString(), order.DueDate, order.CustomerReference, steps.Min(s => s.PlannedStart), end,
                end > due ? end - due : TimeSpan.Zero, steps));
        }
        return new ScheduleView(operations.Count > 0 ? operations.Max(o => o.PlannedAt) : run?.PlannedAt, run?.Method, run?.WeightedTardinessMinutes,
            [.. views.OrderBy(v => v.PlannedStart).ThenBy(v => v.Number, StringComparer.Ordinal)],
            [.. equipment.Where(e => onLine.Contains(e.Code)).OrderBy(e => e.Line, StringComparer.Ordinal).ThenBy(e => e.Code, StringComparer.Ordinal)],
            run is null ? [] : [.. run.Snapshot.Unavailable.Where(u => onLine.Contains(u.Equipment)).Select(u => new UnavailableView(u.Equipment, u.Start, u.End, u.Reason))],
            run?.Snapshot.Unscheduled ?? [],
            run is null ? [] : [.. run.Snapshot.Running.Where(r => onLine.Contains(r.EquipmentCode))],
            run is null ? [] : [.. run.Snapshot.MaterialWaits.Where(w => views.Any(v => v.Number == w.OrderNumber))]);
    }

    private static async Task<List<PlanningEquipmentInfo>> EquipmentAsync(MesDbContext db, CancellationToken cancellationToken) =>
        await (from e in db.Equipment.AsNoTracking()
               join l in db.Lines.AsNoTracking() on e.LineId equals l.Id
               where e.Status != Domain.Plant.EquipmentStatus.Retired
               select new PlanningEquipmentInfo(e.Code.Value, e.Name, l.Code.Value, e.Class.ToString())).ToListAsync(cancellationToken);
}
