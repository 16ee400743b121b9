using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Planning;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// Reads the planning problem from the plant's data: the open orders (Planned, Released, and the steps an order in
/// progress has not started yet), each step on every fit equipment of the step's class on the order's line (or any
/// line when the order has none), how long it takes there, when each equipment is free, its changeover time, and the
/// times it cannot run (Down or in maintenance now, outside its line's shifts, after its calibration falls due), and
/// when each order's materials are there (<see cref="MaterialAvailability"/>: orders running first, then by due date and
/// priority, each served from released stock and the Quarantine lots' expected releases; an order they cannot cover
/// waits the procurement lead time).
/// </summary>
public sealed class PlanningProblemReader(IDbContextFactory<MesDbContext> contexts, IOptions<PlanningOptions> options)
{
    private PlanningOptions Options => options.Value;

    public async Task<PlantPlanningSnapshot> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // Whole minutes: the model counts in minutes from now.
        var now = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1);
        var horizonEnd = now.AddDays(Options.HorizonDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var equipment = await (from e in db.Equipment.AsNoTracking()
                               join l in db.Lines.AsNoTracking() on e.LineId equals l.Id
                               join a in db.Areas.AsNoTracking() on l.AreaId equals a.Id
                               join s in db.Sites.AsNoTracking() on a.SiteId equals s.Id
                               where e.Status != EquipmentStatus.Retired
                               select new { Equipment = e, Line = l.Code.Value, Site = s.Code.Value }).ToListAsync(cancellationToken);
        var orders = await db.ProductionOrders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Planned || o.Status == OrderStatus.Released || o.Status == OrderStatus.InProgress)
            .ToListAsync(cancellationToken);
        var products = orders.Select(o => o.ProductCode).Distinct().ToList();
        var recipes = (await db.MasterRecipes.AsNoTracking().Include(r => r.Steps).Include(r => r.BillOfMaterials).AsSplitQuery()
                .Where(r => r.Status == RecipeStatus.Approved && products.Contains(r.ProductCode)).ToListAsync(cancellationToken))
            .GroupBy(r => r.ProductCode).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Version).First());
        var inProgress = orders.Where(o => o.Status == OrderStatus.InProgress).Select(o => o.Id).ToList();
        var openBatches = await db.Batches.AsNoTracking().Include(b => b.Steps)
            .Where(b => inProgress.Contains(b.OrderId) && (b.State == BatchState.Created || b.State == BatchState.Running || b.State == BatchState.Held))
            .ToListAsync(cancellationToken);
        var history = await StepHistoryAsync(db, products, cancellationToken);
        var calendars = await db.ShiftCalendars.AsNoTracking().ToListAsync(cancellationToken);
        var supplies = await MaterialSupplies.ReadAsync(db, now, TimeSpan.FromDays(Options.QuarantineReleaseDays), cancellationToken);

        var byCode = equipment.ToDictionary(x => x.Equipment.Code.Value, x => x.Equipment);
        var unavailable = new List<Unavailability>();
        var planningEquipment = new List<PlanningEquipment>();
        var freeFrom = new Dictionary<string, DateTimeOffset>();
        var stoppedUntil = new Dictionary<string, DateTimeOffset>();
        foreach (var item in equipment)
        {
            var e = item.Equipment;
            var code = e.Code.Value;
            if (e.State == EquipmentState.Down || e.Status == EquipmentStatus.Maintenance)
            {
                stoppedUntil[code] = now.AddMinutes(Options.ExpectedRepairMinutes);
                unavailable.Add(new Unavailability(code, now, stoppedUntil[code],
                    e.State == EquipmentState.Down ? $"Down{(e.StateReason is { } why ? $": {why}" : "")}" : "In maintenance"));
            }
            if (e.CalibrationDueOn is { } due && due.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1) is var lapses && lapses < horizonEnd)
                unavailable.Add(new Unavailability(code, Max(now, new DateTimeOffset(lapses)), horizonEnd.AddDays(Options.HorizonDays),
                    $"Calibration due {due:yyyy-MM-dd}"));
            var calendar = calendars.SingleOrDefault(c => c.Scope == item.Line) ?? calendars.SingleOrDefault(c => c.Scope == item.Site);
            if (calendar is not null)
                unavailable.AddRange(OffShift(code, calendar, now, horizonEnd));
            var changeover = TimeSpan.FromMinutes(e.ProductChangeNeedsMajorClean ? Options.MajorCleanMinutes : Options.ChangeoverMinutes);
            planningEquipment.Add(new PlanningEquipment(code, now, e.LastProductCode, changeover));
        }

        var planningOrders = new List<PlanningOrder>();
        var stepNames = new Dictionary<(string, int), string>();
        var unscheduled = new List<UnscheduledOrder>();
        var running = new List<RunningStep>();
        var needs = new List<(bool Started, MaterialNeed Need)>();
        foreach (var order in orders.OrderBy(o => o.DueDate).ThenBy(o => o.Priority))
        {
            var number = order.Number.Value;
            if (!recipes.TryGetValue(order.ProductCode, out var recipe))
            {
                unscheduled.Add(new UnscheduledOrder(number, $"{order.ProductCode} has no approved master recipe."));
                continue;
            }
            var earliest = now;
            var quantity = order.Quantity.Amount;
            var done = new HashSet<int>();
            if (openBatches.Where(b => b.OrderId == order.Id).OrderByDescending(b => b.CreatedAt).FirstOrDefault() is { } batch)
            {
                quantity = batch.PlannedQuantity.Amount;
                foreach (var step in batch.Steps.Where(s => s.State != StepState.Pending))
                {
                    done.Add(step.Number);
                    if (step.State is StepState.InProgress or StepState.AwaitingVerification && step.EquipmentCode is { } busy)
                    {
                        // The step running now holds its equipment, and the order's next step, until it is expected to end.
                        var duration = byCode.TryGetValue(busy.Value, out var unit) ? DurationOf(unit, order, step.Number, quantity, history)
                            : TimeSpan.FromMinutes(Options.DefaultStepMinutes);
                        var expected = Max(now, (step.StartedAt ?? now) + duration);
                        // A step whose equipment is Down goes on only once it is back: what it had left to do comes after.
                        if (stoppedUntil.TryGetValue(busy.Value, out var back))
                            expected = back + (expected - now);
                        freeFrom[busy.Value] = Max(freeFrom.GetValueOrDefault(busy.Value, now), expected);
                        earliest = Max(earliest, expected);
                        running.Add(new RunningStep(number, batch.Number.Value, step.Number, step.Name, busy.Value, order.ProductCode.Value, step.StartedAt ?? now, expected));
                    }
                }
            }
            else if (order.Status == OrderStatus.InProgress)
                continue; // Every batch made has ended; the order completes with the last one.

            var operations = new List<PlanningOperation>();
            string? problem = null;
            foreach (var step in recipe.Steps.Where(s => s.RequiredEquipmentClass is not null && !done.Contains(s.Number)))
            {
                var fit = equipment.Where(x => x.Equipment.Class == step.RequiredEquipmentClass && (order.LineCode is not { } line || x.Line == line.Value))
                    .ToDictionary(x => x.Equipment.Code.Value, x => DurationOf(x.Equipment, order, step.Number, quantity, history));
                if (fit.Count == 0)
                {
                    problem = $"No {step.RequiredEquipmentClass} {(order.LineCode is { } line ? $"on line {line}" : "in the plant")} for {step.Label}.";
                    break;
                }
                operations.Add(new PlanningOperation(step.Number, fit));
                stepNames[(number, step.Number)] = step.Name;
            }
            if (problem is not null)
            {
                unscheduled.Add(new UnscheduledOrder(number, problem));
                continue;
            }
            if (operations.Count == 0)
                continue;
            needs.Add((done.Count > 0, NeedOf(order, recipe, quantity, done)));
            planningOrders.Add(new PlanningOrder(number, order.ProductCode.Value, earliest, DueOf(order), OrderPriority.WeightOf(order.Priority), operations));
        }

        // Orders already running are served first; the rest as listed, by due date then priority.
        var waits = MaterialAvailability.Allocate(needs.OrderByDescending(n => n.Started).Select(n => n.Need), supplies, now,
            TimeSpan.FromDays(Options.MaterialLeadTimeDays));
        if (waits.Count > 0)
        {
            var units = (await db.Materials.AsNoTracking().Select(m => new { m.Code, m.Unit }).ToListAsync(cancellationToken))
                .ToDictionary(m => m.Code.Value, m => m.Unit.Symbol);
            waits = [.. waits.Select(w => w with { Unit = units.GetValueOrDefault(w.Material, "") })];
        }
        var readyAt = waits.GroupBy(w => w.OrderNumber).ToDictionary(g => g.Key, g => g.Max(w => w.Until));
        planningOrders = [.. planningOrders.Select(o => readyAt.TryGetValue(o.Number, out var ready) && ready > o.EarliestStart ? o with { EarliestStart = ready } : o)];

        var problemEquipment = planningEquipment.Select(e => freeFrom.TryGetValue(e.Code, out var free) ? e with { FreeFrom = free } : e).ToList();
        var info = equipment.ToDictionary(x => x.Equipment.Code.Value,
            x => new PlanningEquipmentInfo(x.Equipment.Code.Value, x.Equipment.Name, x.Line, x.Equipment.Class.ToString()));
        return new PlantPlanningSnapshot(new PlanningProblem(now, planningOrders, problemEquipment, Unavailability.Merge(unavailable)), stepNames, info, unavailable,
            unscheduled, running, orders.ToDictionary(o => o.Number.Value, o => new PlanningOrderInfo(o.Number.Value, o.CustomerReference, o.DueDate)), waits);
    }

    /// <summary>What the order's steps still to start consume: its recipe's bill of materials scaled to the quantity still to make.</summary>
    private static MaterialNeed NeedOf(ProductionOrder order, MasterRecipe recipe, decimal quantity, HashSet<int> done)
    {
        var scale = quantity > 0 && order.Quantity.Unit == recipe.StandardBatchSize.Unit && recipe.StandardBatchSize.Amount > 0
            ? recipe.ScaleFactorFor(new Domain.Common.Quantity(quantity, order.Quantity.Unit)) : 1m;
        return new MaterialNeed(order.Number.Value, recipe.BillOfMaterials.Where(l => !done.Contains(l.StepNumber))
            .GroupBy(l => l.MaterialCode.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.ScaledBy(scale).Amount)));
    }

    /// <summary>An order is due at the end of its due date (UTC).</summary>
    public static DateTimeOffset DueOf(ProductionOrder order) => new(order.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1));

    /// <summary>
    /// How long a step takes on an equipment: the order's quantity at the equipment's ideal rate for the product when it
    /// counts in the product's unit; else the median of how long the step took for the product before; else the default.
    /// </summary>
    private TimeSpan DurationOf(Equipment equipment, ProductionOrder order, int step, decimal quantity,
        IReadOnlyDictionary<(string Product, int Step), TimeSpan> history)
    {
        if (order.Quantity.Unit.Symbol == "pcs" && equipment.IdealRateFor(order.ProductCode.Value) is > 0 and var rate)
            return TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling((double)quantity / rate)));
        if (history.TryGetValue((order.ProductCode.Value, step), out var typical))
            return typical;
        return TimeSpan.FromMinutes(Options.DefaultStepMinutes);
    }

    /// <summary>The median duration of each product's steps over its last completed batches.</summary>
    private static async Task<IReadOnlyDictionary<(string Product, int Step), TimeSpan>> StepHistoryAsync(MesDbContext db,
        IReadOnlyList<Domain.Materials.MaterialCode> products, CancellationToken cancellationToken)
    {
        var runs = await (from s in db.BatchSteps.AsNoTracking()
                          join b in db.Batches.AsNoTracking() on s.BatchId equals b.Id
                          where products.Contains(b.ProductCode) && s.State == StepState.Completed && s.StartedAt != null && s.CompletedAt != null
                          orderby b.CreatedAt descending
                          select new { Product = b.ProductCode, s.Number, s.StartedAt, s.CompletedAt }).Take(2_000).ToListAsync(cancellationToken);
        return runs.GroupBy(r => (r.Product.Value, r.Number)).ToDictionary(g => g.Key, g =>
        {
            var minutes = g.Select(r => Math.Max(1, Math.Ceiling((r.CompletedAt!.Value - r.StartedAt!.Value).TotalMinutes))).Order().ToList();
            return TimeSpan.FromMinutes(minutes[minutes.Count / 2]);
        });
    }

    /// <summary>The gaps between a calendar's planned windows: breaks, nights, weekends, holidays and planned stops.</summary>
    private static IEnumerable<Unavailability> OffShift(string equipment, ShiftCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var cursor = from;
        foreach (var window in calendar.PlannedWindows(from, to))
        {
            if (window.Start > cursor)
                yield return new Unavailability(equipment, cursor, window.Start, "No shift");
            cursor = Max(cursor, window.End);
        }
        if (cursor < to)
            yield return new Unavailability(equipment, cursor, to, "No shift");
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
