using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Planning;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// The failure-impact loop. When an equipment goes Down (or comes back), the MES holds the batch running on it, plans
/// the plant again from that moment; when the schedule comes to need more of a material than there will be (a lot
/// rejected or put on hold, stock used up), it tells procurement at once (<see cref="ErpMessageType.MaterialShortage"/>)
/// and plans again with the orders lacking it waiting for a delivery. Either way it compares the proposal with the schedule in force, and names every order it
/// delays, by how much, and whether it now misses its due date. The proposal waits for a planner (an alert on the
/// pages and the hub, retained on MQTT); accepted, it becomes the schedule in force and the ERP hears of every order
/// whose completion or operations moved (<see cref="ErpMessageType.ScheduleChanged"/>) or is now late
/// (<see cref="ErpMessageType.DeliveryRisk"/>). When the site applies proposals by itself (a planner's rule on the board,
/// or <see cref="PlanningOptions.AutoAccept"/>) a proposal that makes no
/// order late is accepted at once.
/// </summary>
public sealed partial class ImpactService(IDbContextFactory<MesDbContext> contexts, PlanningProblemReader reader, ScheduleService schedule,
    BatchExecutionService execution, LiveEvents notifier, MesStatePublisher state, TimeProvider clock, IOptions<PlanningOptions> options,
    ILogger<ImpactService> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    // The plant as each waiting proposal saw it, so that the board shows what an accepted one was made from.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, PlanningRun> _runs = new();

    /// <summary>Tells every node's planning screens that an impact was raised, accepted or superseded.</summary>
    private void Changed() => notifier.Publish(new PlanChanged(clock.GetUtcNow()));

    /// <summary>
    /// Answers a disturbance of <paramref name="equipment"/>: holds its running batch when <paramref name="hold"/>, and
    /// proposes a new schedule when the schedule in force had it busy before it is expected back (else nothing, null).
    /// </summary>
    public async Task<ScheduleImpact?> RaiseForEquipmentAsync(ImpactCause cause, string equipment, string description, bool hold,
        CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            if (cause == ImpactCause.EquipmentBack)
                await WithdrawDownProposalAsync(equipment, cancellationToken);
            var held = hold ? await execution.HoldOnEquipmentAsync(equipment, description, cancellationToken) : [];
            var inForce = await schedule.InForceAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var expectedBack = now.AddMinutes(options.Value.ExpectedRepairMinutes);
            var affected = held.Count > 0 || cause == ImpactCause.EquipmentBack
                || inForce.Any(o => o.EquipmentCode == equipment && o.PlannedStart < expectedBack && o.PlannedEnd > now);
            if (!affected)
                return null;

            var snapshot = await reader.ReadAsync(now, cancellationToken);
            var proposal = await Task.Run(() => Propose(snapshot.Problem, inForce, cause, equipment, expectedBack), cancellationToken);
            var took = watch.Elapsed;
            // A return that changes no order's plan needs nobody's attention.
            if (cause == ImpactCause.EquipmentBack)
            {
                Compare(snapshot, proposal, inForce, out var changes);
                if (changes.Count == 0)
                    return null;
            }

            return await RecordAsync(cause, equipment, description, now, held, snapshot, proposal, inForce, took, _ => [], cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Answers materials the schedule in force runs short of: plans the plant again (the orders the stock cannot cover
    /// wait for a delivery), and writes a <see cref="ErpMessageType.MaterialShortage"/> for each with the impact, so that
    /// procurement hears of it at once, whatever the planner decides.
    /// </summary>
    public async Task<ScheduleImpact?> RaiseForMaterialAsync(ImpactCause cause, string subject, string description,
        IReadOnlyList<MaterialShortfall> shortfalls, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            var inForce = await schedule.InForceAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var snapshot = await reader.ReadAsync(now, cancellationToken);
            var limits = options.Value;
            var proposal = await Task.Run(() => ScheduleRepair.PlanWhole(snapshot.Problem, inForce, limits.ImpactTimeLimit, limits.SolverMaxOperations),
                cancellationToken);
            return await RecordAsync(cause, subject, description, now, [], snapshot, proposal, inForce, watch.Elapsed,
                impact => shortfalls.Select(s => new OutboxMessage(ErpMessageType.MaterialShortage, $"Material:{s.Material}", now, ErpJson.Serialize(
                    new MaterialShortage(s.Material, s.Unit, s.Released, s.ShortBy, s.RunsShortAt, s.Orders, impact.Description, impact.Id)))),
                cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Keeps the impact with the proposal compared to the schedule in force, supersedes the one waiting, raises the alert,
    /// and publishes it; accepts it at once when no order's plan changes, or by the site's rule.
    /// </summary>
    private async Task<ScheduleImpact> RecordAsync(ImpactCause cause, string subject, string description, DateTimeOffset now,
        IReadOnlyList<string> held, PlantPlanningSnapshot snapshot, ScheduleProposal proposal, IReadOnlyList<ScheduledOperation> inForce, TimeSpan took,
        Func<ScheduleImpact, IEnumerable<OutboxMessage>> messages, CancellationToken cancellationToken)
    {
        var proposed = Compare(snapshot, proposal, inForce, out var orders);
        var impact = new ScheduleImpact(cause, subject, description, now, held, orders, proposed, proposal.Method, took);
        await using var db = await contexts.CreateDbContextAsync(AuditActor.System("planning", description), cancellationToken);
        var superseded = await db.ScheduleImpacts.Where(i => i.Status == ImpactStatus.Proposed).ToListAsync(cancellationToken);
        foreach (var older in superseded)
            older.Supersede(now);
        db.ScheduleImpacts.Add(impact);
        var late = orders.Count(o => o.MissesDueDate);
        db.OutboxMessages.AddRange(messages(impact));
        var alert = new Alert(AlertKind.ScheduleImpact, subject,
            Trim($"{description}. {Orders(orders.Count)} affected{(late > 0 ? $", {late} now late" : "")}: a new schedule waits for a planner."), now);
        db.Alerts.Add(alert);
        var clearedAlerts = await ClearImpactAlertsAsync(db, now, except: alert.Id, Person.Mes.Name, $"Replaced by the proposal for '{description}'", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        _runs.Clear();
        _runs[impact.Id] = new PlanningRun(now, proposal.Method, proposal.WeightedTardinessMinutes, took, snapshot);
        foreach (var older in superseded)
            state.Publish($"impacts/{older.Id}", ImpactState.Of(older));
        state.Publish($"impacts/{impact.Id}", ImpactState.Of(impact));
        foreach (var cleared in clearedAlerts)
            notifier.Publish(new AlertCleared(cleared.Id, cleared.Kind, cleared.Source, cleared.State, now));
        notifier.Publish(new AlertRaised(alert.Id, alert.Kind, alert.Source, alert.Message, alert.RaisedAt));
        LogImpact(description, orders.Count, late, (long)took.TotalMilliseconds, proposal.Method);
        Changed();

        // Nothing for a planner to decide when no order's plan changes (the impact stays on record with the batches it held).
        if (orders.Count == 0)
            return await AcceptLockedAsync(impact.Id, "No order's plan changes", AuditActor.System("planning"), cancellationToken);
        if (!impact.MissesADueDate && await AutoAppliesAsync(cancellationToken))
            return await AcceptLockedAsync(impact.Id, "Applied automatically: no order misses its due date", AuditActor.System("planning"),
                cancellationToken);
        return impact;
    }

    /// <summary>
    /// The equipment runs again before anyone accepted the proposal its stop made: that proposal answers what is no
    /// longer so, and is superseded (most stops are short; the board must not fill with answers to them).
    /// </summary>
    private async Task WithdrawDownProposalAsync(string equipment, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(AuditActor.System("planning", $"{equipment} runs again"), cancellationToken);
        var waiting = await db.ScheduleImpacts
            .Where(i => i.Status == ImpactStatus.Proposed && i.Cause == ImpactCause.EquipmentDown && i.Subject == equipment).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
            return;
        foreach (var impact in waiting)
            impact.Supersede(now);
        var cleared = await ClearImpactAlertsAsync(db, now, except: null, Person.Mes.Name, $"{equipment} runs again: its proposal is withdrawn",
            cancellationToken, source: equipment);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var impact in waiting)
        {
            _runs.TryRemove(impact.Id, out _);
            state.Publish($"impacts/{impact.Id}", ImpactState.Of(impact));
        }
        foreach (var alert in cleared)
            notifier.Publish(new AlertCleared(alert.Id, alert.Kind, alert.Source, alert.State, now));
        Changed();
    }

    /// <summary>
    /// A Down equipment re-plans the orders it touches and keeps the rest where it was (planners want the least change,
    /// and a large plant is not planned whole within seconds); an equipment back plans the plant again, so that it may
    /// take work back.
    /// </summary>
    private ScheduleProposal Propose(PlanningProblem problem, IReadOnlyList<ScheduledOperation> inForce, ImpactCause cause, string equipment,
        DateTimeOffset expectedBack)
    {
        var limits = options.Value;
        if (cause == ImpactCause.EquipmentBack || inForce.Count == 0)
            return ScheduleRepair.PlanWhole(problem, inForce, limits.ImpactTimeLimit, limits.SolverMaxOperations);
        var current = inForce.Select(o => new PlannedOperation(o.OrderNumber, o.Step, o.EquipmentCode, o.PlannedStart, o.PlannedEnd)).ToList();
        return ScheduleRepair.Plan(problem, current, equipment, expectedBack, limits.ImpactTimeLimit, limits.SolverMaxOperations);
    }

    /// <summary>
    /// What a planner's move of one operation would do, nothing stored: why it cannot stand, or the orders whose plan it
    /// changes (the moved one and those that make room), each with its old and new end and whether it is now late.
    /// </summary>
    public async Task<MoveCheck> CheckMoveAsync(OperationMove move, CancellationToken cancellationToken = default)
    {
        var (_, _, result, orders) = await TryMoveAsync(move, cancellationToken);
        return new MoveCheck(result.Problems, orders);
    }

    /// <summary>
    /// Puts a planner's move in force with the reason: kept as an impact the planner accepted (audited), the ERP told of
    /// every order it changes; a proposal still waiting answers a schedule that is no more and is superseded.
    /// </summary>
    public async Task<ScheduleImpact> MoveAsync(OperationMove move, string reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            var (snapshot, inForce, result, orders) = await TryMoveAsync(move, cancellationToken);
            if (!result.IsAccepted)
                throw new Domain.Common.DomainException(string.Join(" ", result.Problems));
            var now = clock.GetUtcNow();
            var proposal = ScheduleProposal.Of(snapshot.Problem, result.Operations, "a planner's move");
            var proposed = Compare(snapshot, proposal, inForce, out _);
            var stepName = snapshot.StepNames.GetValueOrDefault((move.OrderNumber, move.Step)) ?? $"step {move.Step}";
            var description = $"{actor.Name} moved {move.OrderNumber} {stepName} to {move.EquipmentCode} at " +
                              $"{move.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC";
            var impact = new ScheduleImpact(ImpactCause.PlannerChange, move.OrderNumber, description, now, [], orders, proposed, proposal.Method, watch.Elapsed);
            await using (var db = await contexts.CreateDbContextAsync(actor.Because(reason), cancellationToken))
            {
                foreach (var older in await db.ScheduleImpacts.Where(i => i.Status == ImpactStatus.Proposed).ToListAsync(cancellationToken))
                    older.Supersede(now);
                db.ScheduleImpacts.Add(impact);
                await db.SaveChangesAsync(cancellationToken);
            }
            _runs.Clear();
            _runs[impact.Id] = new PlanningRun(now, proposal.Method, proposal.WeightedTardinessMinutes, watch.Elapsed, snapshot);
            return await AcceptLockedAsync(impact.Id, reason, actor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// What changing an order's due date or priority would do, nothing stored: the plant planned by the earliest-due-date
    /// rule with and without the change, side by side, so that every difference is the change's and not the solver's
    /// search: the orders whose plan moves, and which would be late.
    /// </summary>
    public async Task<MoveCheck> CheckOrderChangeAsync(string orderNumber, DateOnly dueDate, int priority, CancellationToken cancellationToken = default)
    {
        var inForce = await schedule.InForceAsync(cancellationToken);
        var snapshot = await reader.ReadAsync(clock.GetUtcNow(), cancellationToken);
        if (snapshot.Problem.Orders.FirstOrDefault(o => o.Number == orderNumber) is not { } order)
            return new MoveCheck([$"{orderNumber} is not on the schedule now: it is planned as soon as it can be."], []);
        var changed = order with
        {
            Due = new DateTimeOffset(dueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1)),
            Weight = OrderPriority.WeightOf(priority),
        };
        var problem = snapshot.Problem with { Orders = [.. snapshot.Problem.Orders.Select(o => o.Number == orderNumber ? changed : o)] };
        var info = new Dictionary<string, PlanningOrderInfo>(snapshot.Orders) { [orderNumber] = snapshot.Orders[orderNumber] with { DueDate = dueDate } };
        var now = clock.GetUtcNow();
        var before = EarliestDueDateDispatcher.Plan(snapshot.Problem).Operations.Select(o => new ScheduledOperation(o, "", now)).ToList();
        Compare(snapshot with { Problem = problem, Orders = info }, EarliestDueDateDispatcher.Plan(problem), before, out var orders);
        return new MoveCheck([], orders);
    }

    private async Task<(PlantPlanningSnapshot Snapshot, IReadOnlyList<ScheduledOperation> InForce, ScheduleMoveResult Result, List<ImpactedOrder> Orders)>
        TryMoveAsync(OperationMove move, CancellationToken cancellationToken)
    {
        var inForce = await schedule.InForceAsync(cancellationToken);
        var snapshot = await reader.ReadAsync(clock.GetUtcNow(), cancellationToken);
        var current = inForce.Select(o => new PlannedOperation(o.OrderNumber, o.Step, o.EquipmentCode, o.PlannedStart, o.PlannedEnd)).ToList();
        var result = ScheduleMove.Apply(snapshot.Problem, current, move.OrderNumber, move.Step, move.EquipmentCode, move.Start);
        var orders = new List<ImpactedOrder>();
        if (result.IsAccepted)
            Compare(snapshot, ScheduleProposal.Of(snapshot.Problem, result.Operations, "a planner's move"), inForce, out orders);
        return (snapshot, inForce, result, orders);
    }

    /// <summary>The proposal becomes the schedule in force; the ERP hears of every order whose completion moved or is now late.</summary>
    public async Task<ScheduleImpact> AcceptAsync(Guid id, string reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await AcceptLockedAsync(id, reason, actor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ScheduleImpact> AcceptLockedAsync(Guid id, string reason, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(actor.Because(reason), cancellationToken);
        var impact = await db.ScheduleImpacts.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new ImpactNotFoundException(id);
        impact.Accept(actor.Name, reason, now);
        var numbers = impact.Orders.Select(o => new OrderNumber(o.OrderNumber)).ToList();
        var orders = await db.ProductionOrders.AsNoTracking().Where(o => numbers.Contains(o.Number)).ToDictionaryAsync(o => o.Number.Value, cancellationToken);
        // Every order the impact lists changed: its completion moved, or its operations did (another work center for the ERP).
        foreach (var changed in impact.Orders)
        {
            if (!orders.TryGetValue(changed.OrderNumber, out var order))
                continue;
            var steps = impact.Proposal.Where(p => p.OrderNumber == changed.OrderNumber).OrderBy(p => p.Step)
                .Select(p => new ScheduledStep(p.Step, p.StepName, p.Equipment, p.Start, p.End)).ToList();
            db.OutboxMessages.Add(new OutboxMessage(ErpMessageType.ScheduleChanged, $"Order:{order.Number.Value}", now, ErpJson.Serialize(
                new ScheduleChanged(order.Number.Value, order.ExternalId, order.CustomerReference, order.ProductCode.Value, order.Quantity.Amount,
                    order.Quantity.Unit.Symbol, order.Priority, order.DueDate, changed.OldPlannedEnd, changed.NewPlannedEnd, changed.DelayMinutes,
                    impact.Description, impact.Id, steps))));
            if (changed.MissesDueDate)
                db.OutboxMessages.Add(new OutboxMessage(ErpMessageType.DeliveryRisk, $"Order:{order.Number.Value}", now, ErpJson.Serialize(
                    new DeliveryRisk(order.Number.Value, order.ExternalId, order.CustomerReference, order.ProductCode.Value, order.DueDate,
                        changed.NewPlannedEnd, (int)Math.Ceiling((changed.NewPlannedEnd - PlanningProblemReader.DueOf(order)).TotalMinutes),
                        impact.Description, impact.Id))));
        }
        var cleared = await ClearImpactAlertsAsync(db, now, except: null, actor.Name, $"Proposal accepted: {reason}", cancellationToken);
        // Pins stay where the proposal leaves a pinned operation as it was; a planner's move pins the order it moved.
        var pinned = ScheduleService.PinnedOf(await db.ScheduledOperations.AsNoTracking().ToListAsync(cancellationToken));
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ScheduleService.ReplaceAsync(db, impact.Proposal.Select(p =>
                new ScheduledOperation(new PlannedOperation(p.OrderNumber, p.Step, p.Equipment, p.Start, p.End), p.StepName, now,
                    (impact.Cause == ImpactCause.PlannerChange && p.OrderNumber == impact.Subject)
                    || pinned.Contains(new PlannedOperation(p.OrderNumber, p.Step, p.Equipment, p.Start, p.End)))), ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        if (_runs.TryRemove(impact.Id, out var run))
            schedule.Adopted(run);
        state.Publish($"impacts/{impact.Id}", ImpactState.Of(impact));
        foreach (var alert in cleared)
            notifier.Publish(new AlertCleared(alert.Id, alert.Kind, alert.Source, alert.State, now));
        Changed();
        return impact;
    }

    /// <summary>Whether proposals that make no order late go in force by themselves: every site says so, or the configuration does.</summary>
    public async Task<bool> AutoAppliesAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.AutoAccept)
            return true;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AnyAsync(cancellationToken) && await db.Sites.AllAsync(s => s.AutoApplyProposals, cancellationToken);
    }

    /// <summary>A planner sets the rule for the plant's sites, with the reason (audited).</summary>
    public async Task SetAutoApplyAsync(bool on, string reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new Domain.Common.DomainException("Give the reason for changing how proposals are applied: it goes into the audit trail.");
        await using var db = await contexts.CreateDbContextAsync(actor.Because(reason.Trim()), cancellationToken);
        foreach (var site in await db.Sites.ToListAsync(cancellationToken))
            site.SetAutoApplyProposals(on);
        await db.SaveChangesAsync(cancellationToken);
        Changed();
    }

    /// <summary>The board as the impact's proposal would make it.</summary>
    public Task<ScheduleView> PreviewAsync(ScheduleImpact impact, string? line = null, CancellationToken cancellationToken = default) =>
        schedule.PreviewAsync(impact.Proposal, impact.RaisedAt, _runs.GetValueOrDefault(impact.Id), line, cancellationToken);

    /// <summary>Impacts, newest first.</summary>
    public async Task<IReadOnlyList<ScheduleImpact>> ListAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScheduleImpacts.AsNoTracking().OrderByDescending(i => i.RaisedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
    }

    public async Task<ScheduleImpact?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScheduleImpacts.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>The proposal waiting for a planner, if one does.</summary>
    public async Task<ScheduleImpact?> WaitingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScheduleImpacts.AsNoTracking().Where(i => i.Status == ImpactStatus.Proposed).OrderByDescending(i => i.RaisedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The proposal's operations beside where the schedule in force had them, and the orders whose plan changes: an
    /// operation on other equipment or at another time, or the planned end moved by a minute or more.
    /// </summary>
    private static List<ProposedOperation> Compare(PlantPlanningSnapshot snapshot, ScheduleProposal proposal, IReadOnlyList<ScheduledOperation> inForce,
        out List<ImpactedOrder> orders)
    {
        var old = inForce.ToDictionary(o => (o.OrderNumber, o.Step));
        var proposed = proposal.Operations.Select(o =>
        {
            old.TryGetValue((o.OrderNumber, o.Step), out var before);
            return new ProposedOperation(o.OrderNumber, o.Step, snapshot.StepNames.GetValueOrDefault((o.OrderNumber, o.Step)) ?? $"Step {o.Step}",
                o.Equipment, o.Start, o.End, before?.EquipmentCode, before?.PlannedStart);
        }).ToList();
        orders = [];
        var oldEnds = inForce.GroupBy(o => o.OrderNumber).ToDictionary(g => g.Key, g => g.Max(o => o.PlannedEnd));
        var movedOrders = proposed.Where(p => p.Moved).Select(p => p.OrderNumber).ToHashSet();
        foreach (var outcome in proposal.Orders)
        {
            DateTimeOffset? oldEnd = oldEnds.TryGetValue(outcome.OrderNumber, out var end) ? end : null;
            var delay = oldEnd is { } before ? (int)Math.Round((outcome.PlannedEnd - before).TotalMinutes) : 0;
            var moved = movedOrders.Contains(outcome.OrderNumber);
            if (!moved && delay == 0)
                continue;
            var order = snapshot.Orders[outcome.OrderNumber];
            orders.Add(new ImpactedOrder(outcome.OrderNumber, order.CustomerReference, order.DueDate, oldEnd, outcome.PlannedEnd, delay, outcome.Lateness > TimeSpan.Zero));
        }
        orders = [.. orders.OrderByDescending(o => o.DelayMinutes).ThenBy(o => o.OrderNumber, StringComparer.Ordinal)];
        return proposed;
    }

    /// <summary>
    /// Clears the impact alerts still active (but <paramref name="except"/>) and settles them: a proposal that was
    /// decided on or replaced needs nobody's attention any more, so it does not stay on the dashboards as an
    /// unacknowledged alarm would (the impact itself stays on record).
    /// </summary>
    private static async Task<List<Alert>> ClearImpactAlertsAsync(MesDbContext db, DateTimeOffset now, Guid? except, string settledBy, string why,
        CancellationToken cancellationToken, string? source = null)
    {
        var active = await db.Alerts.Where(a => a.Kind == AlertKind.ScheduleImpact && a.ClearedAt == null).ToListAsync(cancellationToken);
        var cleared = active.Where(a => a.Id != except && (source is null || a.Source == source)).ToList();
        foreach (var alert in cleared)
        {
            alert.Clear(now);
            if (!alert.IsAcknowledged)
                alert.Acknowledge(settledBy, settledBy, now, why.Length > Alert.CommentMaxLength ? why[..Alert.CommentMaxLength] : why);
        }
        return cleared;
    }

    private static string Orders(int count) => count == 1 ? "1 order" : $"{count} orders";

    private static string Trim(string text) => text.Length <= Alert.MessageMaxLength ? text : text[..(Alert.MessageMaxLength - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule impact of '{Cause}': {Orders} orders affected, {Late} late; proposal by {Method} in {Elapsed} ms")]
    private partial void LogImpact(string cause, int orders, int late, long elapsed, string method);
}
