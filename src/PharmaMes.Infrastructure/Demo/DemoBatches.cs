using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// The demo's production week of paracetamol tablets, made through the shop-floor services on a replay
/// clock, so that every batch has a genuine electronic batch record (entries, signatures, quality
/// exceptions, stock movements, audit trail) for QA and operators to open:
/// <list type="bullet">
/// <item>batch 1, five days ago, by the book, released by QA;</item>
/// <item>batch 2, three days ago, a loss on drying typed wrongly: quality exception, investigated, value corrected, closed, released;</item>
/// <item>batch 3, two days ago, an over-poured excipient: quality exception, assessed and closed by QA, batch rejected;</item>
/// <item>batch 4, running now: compression in progress on TP-01, for an operator to carry on;</item>
/// </list>
/// plus one released order with no batch yet, one planned order, and customers' orders for the coming days.
/// </summary>
internal static class DemoBatches
{
    public const string Product = "FG-PARA500";

    /// <summary>A fifth of the standard batch: what the seeded stock of every material allows four times over.</summary>
    public const decimal BatchSize = 60_000m;

    /// <summary>Seeds the batches when there is none yet and the demo people and the tablet recipe exist; returns how many it made.</summary>
    public static async Task<int> SeedAsync(IDbContextFactory<MesDbContext> contexts, IServiceScopeFactory scopes, string password, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Batches.AnyAsync(cancellationToken))
                return 0;
            var product = new MaterialCode(Product);
            if (!await db.MasterRecipes.AnyAsync(r => r.ProductCode == product && r.Status == RecipeStatus.Approved, cancellationToken))
                return 0;
        }
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        DateTimeOffset Day(int daysAgo, int hour, int minute = 0) => midnight.AddDays(-daysAgo).AddHours(hour).AddMinutes(minute);
        var clock = new ReplayClock(Day(7, 0));
        await using var scope = scopes.CreateAsyncScope();
        var floor = await DemoShopFloor.OpenAsync(scope.ServiceProvider, password, clock, cancellationToken);
        if (floor is null)
            return 0;

        // Planning at the start of the week: one order per batch, released to the floor.
        clock.MoveTo(Day(6, 8));
        var orders = new List<Guid>();
        foreach (var (due, priority) in new[] { (Day(3, 0), 3), (Day(1, 0), 3), (Day(0, 0), 4), (Day(-2, 0), 4) })
            orders.Add(await PlanAsync(floor, BatchSize, due, priority, cancellationToken));
        foreach (var order in orders)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await floor.Orders.ReleaseAsync(order, floor.Planner.Actor, cancellationToken);
        }

        // Batch 1: by the book; QA releases it the next morning.
        var first = await MakeAsync(floor, orders[0], 0, Day(5, 5, 45), deviation: null, cancellationToken);
        clock.MoveTo(Day(4, 10));
        await floor.Review.ReleaseAsync(first.Number, floor.Qa.Credentials, floor.Qa.Actor, cancellationToken);

        // Batch 2: the loss on drying is typed as 2.8 % instead of the 2.08 % the analyser printed. The exception is
        // raised at once; the supervisor checks the printout and the operator corrects the entry before signing the step.
        string? typingError = null;
        var second = await MakeAsync(floor, orders[1], 1, Day(3, 5, 45), new DemoTabletRun.Deviation(3, "Loss on drying", 2.8, async (run, outcome, ct) =>
        {
            typingError = outcome.QualityExceptionNumber!;
            run.Floor.Clock.Advance(TimeSpan.FromMinutes(6));
            await run.Floor.Exceptions.AddNoteAsync(typingError,
                "Checked at the dryer: the moisture analyser printout of this sample reads 2.08 %. 2.8 % was a typing error when the result was entered. " +
                "The granulate was not dried further; the operator corrects the entry, referring to the printout.", run.Floor.Supervisor.Actor, ct);
            run.Floor.Clock.Advance(TimeSpan.FromMinutes(4));
            await run.Floor.Execution.CorrectValueAsync(run.Number, outcome.EntrySequence, 2.08,
                "Typing error: the moisture analyser printout reads 2.08 % (printout filed with the batch documentation).", run.Floor.Operator.Actor, ct);
        }), cancellationToken);

        // Batch 3: the MCC is over-poured (7.98 kg against 7.5 kg ± 2 %) and confirmed; it is in the bowl with the other
        // excipients before anyone notices. The batch is finished at risk and QA rejects it.
        string? overPour = null;
        var third = await MakeAsync(floor, orders[2], 2, Day(2, 5, 45), new DemoTabletRun.Deviation(1, "EXC-MCC", 7.98, async (run, outcome, ct) =>
        {
            overPour = outcome.QualityExceptionNumber!;
            run.Floor.Clock.Advance(TimeSpan.FromMinutes(5));
            await run.Floor.Exceptions.AddNoteAsync(overPour,
                "Called to the booth: the MCC was over-poured and the amount confirmed before the excess was taken back. It was already charged to the " +
                "container with the other excipients and cannot be separated. Batch continued at risk pending QA's decision; QA informed.",
                run.Floor.Supervisor.Actor, ct);
        }), cancellationToken);

        // Yesterday's planning: the next order released, one more planned.
        clock.MoveTo(Day(1, 8, 30));
        var next = await PlanAsync(floor, 40_000m, Day(-5, 0), 5, cancellationToken);
        clock.Advance(TimeSpan.FromMinutes(5));
        await floor.Orders.ReleaseAsync(next, floor.Planner.Actor, cancellationToken);
        clock.Advance(TimeSpan.FromMinutes(5));
        await PlanAsync(floor, BatchSize, Day(-12, 0), 5, cancellationToken);
        // The order book beyond: customers' orders for the coming days, for the schedule to place on the two presses.
        foreach (var (quantity, due, priority, customer) in new[]
        {
            (96_000m, Day(-1, 0), OrderPriority.Urgent, "PHARMACY-CHAIN-7"),
            (60_000m, Day(-3, 0), OrderPriority.High, "HOSPITAL-GROUP-12"),
            (120_000m, Day(-6, 0), OrderPriority.Normal, "WHOLESALE-DE-3"),
            (48_000m, Day(-9, 0), OrderPriority.Flexible, "TENDER-NL-2026"),
        })
        {
            clock.Advance(TimeSpan.FromMinutes(2));
            await PlanAsync(floor, quantity, due, priority, cancellationToken, customer);
        }

        // QA closes batch 2's exception and releases it (no open exception is left).
        clock.MoveTo(Day(1, 9));
        await floor.Exceptions.CloseAsync(typingError!,
            "Root cause: transcription error when the loss on drying was typed in (2.08 % entered as 2.8 %); the analyser printout and the corrected " +
            "entry agree. Impact: none, the granulate met its limit of 1.0 – 2.5 %. Action: operators reminded to read back typed results.",
            floor.Qa.Credentials, floor.Qa.Actor, cancellationToken);
        clock.Advance(TimeSpan.FromMinutes(20));
        await floor.Review.ReleaseAsync(second.Number, floor.Qa.Credentials, floor.Qa.Actor, cancellationToken);

        // QA assesses batch 3's exception, closes it with the decision, then rejects the batch. The exception is closed
        // before the rejection: a closure noted in the record after the disposition would no longer match its signature.
        clock.MoveTo(Day(1, 13));
        await floor.Exceptions.AddNoteAsync(overPour!,
            "Assessment: 6.4 % more MCC than the validated formula. The press was set to the target core weight, so every tablet holds about 1.2 % " +
            "less paracetamol and the blend is outside the validated composition. No rework is registered for this product.", floor.Qa.Actor, cancellationToken);
        clock.Advance(TimeSpan.FromMinutes(60));
        await floor.Exceptions.CloseAsync(overPour!,
            $"Root cause: an over-pour of MCC confirmed before it was taken back to target. Impact: blend outside the validated formula; batch {third.Number} " +
            "is to be rejected. Action: operator retrained on the dispensing procedure; the verifier checks each weighing before the material leaves the booth.",
            floor.Qa.Credentials, floor.Qa.Actor, cancellationToken);
        clock.Advance(TimeSpan.FromMinutes(15));
        await floor.Review.RejectAsync(third.Number,
            $"Blend composition outside the validated formula: EXC-MCC dispensed 7.98 kg against 7.5 kg ± 2 % (quality exception {overPour}). " +
            "The excess cannot be removed and no rework is registered.", floor.Qa.Credentials, floor.Qa.Actor, cancellationToken);

        // Batch 4 is running: compression started on TP-01 a little over two hours ago, its start-up readings taken.
        var compression = DemoTabletSteps.All.Single(s => s.Number == 4);
        var compressionStart = new DateTimeOffset(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-125);
        var started = compressionStart - DemoTabletSteps.TimeToReach(compression.Number);
        var running = await DemoTabletRun.MakeAsync(floor, orders[3], 3, started.AddMinutes(-15), cancellationToken);
        await running.StartAsync(started, cancellationToken);
        await running.RunStepsAsync(compression.Number - 1, deviation: null, cancellationToken);
        await running.StepAsync(compression, deviation: null, entries: 3, cancellationToken);
        return 4;
    }

    /// <summary>A batch made, run through all its steps, completed, and the line cleaned after it.</summary>
    private static async Task<DemoTabletRun> MakeAsync(DemoShopFloor floor, Guid order, int column, DateTimeOffset at, DemoTabletRun.Deviation? deviation,
        CancellationToken cancellationToken)
    {
        var run = await DemoTabletRun.MakeAsync(floor, order, column, at, cancellationToken);
        await run.StartAsync(at.AddMinutes(15), cancellationToken);
        await run.RunStepsAsync(DemoTabletSteps.All.Count, deviation, cancellationToken);
        await run.CompleteAsync(cancellationToken);
        await run.CleanLineAsync(cancellationToken);
        return run;
    }

    private static async Task<Guid> PlanAsync(DemoShopFloor floor, decimal quantity, DateTimeOffset due, int priority, CancellationToken cancellationToken,
        string? customerReference = null)
    {
        var number = await floor.Orders.PlanAsync(Product, quantity, DateOnly.FromDateTime(due.UtcDateTime), priority, null, customerReference,
            floor.Planner.Actor, cancellationToken);
        await using var db = await floor.Contexts.CreateDbContextAsync(cancellationToken);
        var orderNumber = new OrderNumber(number);
        return await db.ProductionOrders.Where(o => o.Number == orderNumber).Select(o => o.Id).SingleAsync(cancellationToken);
    }
}
