using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Signatures;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>
/// Maintenance work orders (21 CFR 211.67(b)): corrective ones raised by a person, usually from a unit that
/// went Down, and preventive ones raised by each unit's schedule; assigned, started (the unit leaves
/// production), completed with what was done and the parts used, and released with a signature (the unit
/// comes back Dirty). Each use case is one transaction with its audit trail.
/// </summary>
public sealed class WorkOrderService(IDbContextFactory<MesDbContext> contexts, ElectronicSigning signing, TimeProvider clock)
{
    public const string SubjectType = "MaintenanceWorkOrder";

    /// <summary>How many days before its due date a preventive work order is raised, so it can be planned.</summary>
    public const int PreventiveLeadDays = 7;

    /// <summary>Raises a corrective work order; without a cause, the unit's Down reason is carried over. Returns its number.</summary>
    public async Task<string> RaiseCorrectiveAsync(string equipmentCode, string task, string? cause, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var now = clock.GetUtcNow();
        var equipment = await CleaningService.FindEquipmentAsync(db, equipmentCode, cancellationToken);
        cause = string.IsNullOrWhiteSpace(cause) ? DownCause(equipment) : cause;
        var order = MaintenanceWorkOrder.Corrective(await NextNumberAsync(db, now, cancellationToken), equipment, task, cause,
            BatchExecutionService.PersonOf(actor), now);
        db.MaintenanceWorkOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return order.Number;
    }

    public Task AssignAsync(string number, string technician, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, (order, _, _, now) => { order.Assign(technician, now); return Task.CompletedTask; }, cancellationToken);

    public Task StartAsync(string number, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, (order, equipment, _, now) =>
        {
            order.Start(equipment, BatchExecutionService.PersonOf(actor), now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task CompleteAsync(string number, string workDone, string? partsUsed, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, (order, _, _, now) =>
        {
            order.Complete(workDone, partsUsed, BatchExecutionService.PersonOf(actor), now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Releases the unit back to production, signed; a preventive order moves its schedule on.</summary>
    public Task ReleaseAsync(string number, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (order, equipment, db, now) =>
        {
            var plan = order.PlanId is { } planId ? await db.MaintenancePlans.SingleAsync(p => p.Id == planId, cancellationToken) : null;
            order.Release(equipment, plan, BatchExecutionService.PersonOf(actor), now);
            await signing.SignAsync(db, actor, credentials, new SignatureRequest(SignatureMeaning.Released, SubjectType, order.Id, order.Content()), cancellationToken);
        }, cancellationToken);

    public Task CancelAsync(string number, string reason, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor.Because(reason), (order, _, _, now) =>
        {
            order.Cancel(reason, BatchExecutionService.PersonOf(actor), now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>One work order with its signatures; null when there is no such number.</summary>
    public async Task<WorkOrderView?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var wanted = Normalise(number);
        var order = await db.MaintenanceWorkOrders.AsNoTracking().SingleOrDefaultAsync(w => w.Number == wanted, cancellationToken);
        if (order is null)
            return null;
        var equipment = await db.Equipment.AsNoTracking().SingleAsync(e => e.Id == order.EquipmentId, cancellationToken);
        var signatures = await EquipmentLogbookService.SignaturesAsync(db, SubjectType, [order.Id], cancellationToken);
        return WorkOrderView.Of(order, equipment.Name, equipment.StatusAt(clock.GetUtcNow()), EquipmentLogbookService.Views(signatures, order.Id, order.Content()));
    }

    /// <summary>Work orders, newest first: the open ones unless <paramref name="includeClosed"/>, of one unit when a code is given.</summary>
    public async Task<IReadOnlyList<WorkOrderView>> ListAsync(string? equipmentCode = null, bool includeClosed = false, int max = 200,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.MaintenanceWorkOrders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(equipmentCode))
        {
            var code = new PlantCode(equipmentCode);
            query = query.Where(w => w.EquipmentCode == code);
        }
        if (!includeClosed)
            query = query.Where(w => w.Status != WorkOrderStatus.Released && w.Status != WorkOrderStatus.Cancelled);
        var orders = await query.ToListAsync(cancellationToken);
        var units = await db.Equipment.AsNoTracking().ToDictionaryAsync(e => e.Id, cancellationToken);
        var now = clock.GetUtcNow();
        return orders.OrderByDescending(w => w.RaisedAt).Take(max)
            .Select(w => WorkOrderView.Of(w, units[w.EquipmentId].Name, units[w.EquipmentId].StatusAt(now), []))
            .ToList();
    }

    /// <summary>Gives a unit a preventive maintenance task every so many days; raises its work order at once when already due.</summary>
    public async Task<Guid> AddPlanAsync(string equipmentCode, string task, int intervalDays, DateOnly firstDueOn, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        Guid planId;
        await using (var db = await OpenAsync(actor, cancellationToken))
        {
            var equipment = await CleaningService.FindEquipmentAsync(db, equipmentCode, cancellationToken);
            var plan = new MaintenancePlan(equipment, task, intervalDays, firstDueOn);
            db.MaintenancePlans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            planId = plan.Id;
        }
        await RaiseDuePreventiveAsync(cancellationToken);
        return planId;
    }

    public async Task ReschedulePlanAsync(Guid planId, int intervalDays, DateOnly nextDueOn, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var plan = await db.MaintenancePlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new DomainException("There is no such maintenance plan.");
        plan.Reschedule(intervalDays, nextDueOn);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task StopPlanAsync(Guid planId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var plan = await db.MaintenancePlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new DomainException("There is no such maintenance plan.");
        plan.Stop();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The active maintenance plans, of one unit when a code is given, soonest due first.</summary>
    public async Task<IReadOnlyList<MaintenancePlan>> PlansAsync(string? equipmentCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.MaintenancePlans.AsNoTracking().Where(p => p.Active);
        if (!string.IsNullOrWhiteSpace(equipmentCode))
        {
            var code = new PlantCode(equipmentCode);
            query = query.Where(p => p.EquipmentCode == code);
        }
        return (await query.ToListAsync(cancellationToken)).OrderBy(p => p.NextDueOn).ThenBy(p => p.EquipmentCode.Value).ToList();
    }

    /// <summary>
    /// Raises a preventive work order for every active plan due within <see cref="PreventiveLeadDays"/> that has no open one;
    /// run hourly and at start, so running it twice raises nothing twice. Returns the numbers raised.
    /// </summary>
    public async Task<IReadOnlyList<string>> RaiseDuePreventiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(AuditActor.System("maintenance schedule", "Preventive maintenance falls due"), cancellationToken);
        var now = clock.GetUtcNow();
        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(PreventiveLeadDays);
        var due = await db.MaintenancePlans.Where(p => p.Active && p.NextDueOn <= horizon).ToListAsync(cancellationToken);
        var planIds = due.Select(p => p.Id).ToList();
        var covered = (await db.MaintenanceWorkOrders
                .Where(w => w.PlanId != null && planIds.Contains(w.PlanId.Value) && w.Status != WorkOrderStatus.Released && w.Status != WorkOrderStatus.Cancelled)
                .Select(w => w.PlanId!.Value).ToListAsync(cancellationToken))
            .ToHashSet();
        var raised = new List<string>();
        foreach (var plan in due.Where(p => !covered.Contains(p.Id)).OrderBy(p => p.NextDueOn))
        {
            var equipment = await db.Equipment.SingleAsync(e => e.Id == plan.EquipmentId, cancellationToken);
            if (equipment.IsRetired)
            {
                plan.Stop();
                continue;
            }
            var order = MaintenanceWorkOrder.Preventive(await NextNumberAsync(db, now, cancellationToken, raised.Count), equipment, plan, now);
            db.MaintenanceWorkOrders.Add(order);
            raised.Add(order.Number);
        }
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(cancellationToken);
        return raised;
    }

    private async Task ActAsync(string number, AuditActor actor, Func<MaintenanceWorkOrder, Equipment, MesDbContext, DateTimeOffset, Task> action,
        CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var wanted = Normalise(number);
        var order = await db.MaintenanceWorkOrders.SingleOrDefaultAsync(w => w.Number == wanted, cancellationToken)
            ?? throw new DomainException($"There is no work order {wanted}.");
        var equipment = await db.Equipment.SingleAsync(e => e.Id == order.EquipmentId, cancellationToken);
        await action(order, equipment, db, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? DownCause(Equipment equipment) =>
        equipment.State == EquipmentState.Down
            ? $"Down since {equipment.StateSince.UtcDateTime:yyyy-MM-dd HH:mm} UTC" + (equipment.StateReason is { Length: > 0 } reason ? $": {reason}" : "")
            : null;

    private static string Normalise(string number) => (number ?? "").Trim().ToUpperInvariant();

    /// <summary>"WO-2026-0007": per year, one more than the highest so far (the unique index stops a double).</summary>
    private static async Task<string> NextNumberAsync(MesDbContext db, DateTimeOffset now, CancellationToken cancellationToken, int offset = 0)
    {
        var prefix = $"WO-{now.UtcDateTime.Year}-";
        var numbers = await db.MaintenanceWorkOrders.Where(w => w.Number.StartsWith(prefix)).Select(w => w.Number).ToListAsync(cancellationToken);
        var highest = numbers.Select(n => int.TryParse(n.AsSpan(prefix.Length), out var value) ? value : 0).DefaultIfEmpty(0).Max();
        return prefix + (highest + 1 + offset).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<MesDbContext> OpenAsync(AuditActor actor, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        return db;
    }
}
