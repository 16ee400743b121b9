using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// One demo paracetamol batch made on the shop floor, action by action, through the same services as a
/// terminal: the supervisor makes it, the operator starts it and performs each step (recording every
/// value, weighing every material, signing), the supervisor verifies the steps that need a second person.
/// </summary>
/// <param name="column">Which demo batch this is: picks its readings in <see cref="DemoTabletSteps"/>.</param>
/// <param name="captured">The parameters the recipe captures from equipment, by step and name, with their tag.</param>
internal sealed class DemoTabletRun(DemoShopFloor floor, string number, int column, IReadOnlyDictionary<(int Step, string Material), Quantity> targets,
    IReadOnlyDictionary<(int Step, string Name), TagName> captured)
{
    /// <summary>Something recorded differently from the usual readings, and what the people on the floor then do about it.</summary>
    public sealed record Deviation(int Step, string Name, double Recorded, Func<DemoTabletRun, StepOutcome, CancellationToken, Task> Handle);

    public string Number { get; } = number;
    public DemoShopFloor Floor { get; } = floor;

    public static async Task<DemoTabletRun> MakeAsync(DemoShopFloor floor, Guid orderId, int column, DateTimeOffset at, CancellationToken cancellationToken)
    {
        floor.Clock.MoveTo(at);
        var number = await floor.Execution.CreateBatchAsync(orderId, null, floor.Supervisor.Actor, cancellationToken);
        await using var db = await floor.Contexts.CreateDbContextAsync(cancellationToken);
        var batch = await db.Batches.AsNoTracking().WithSteps().SingleAsync(b => b.Number == new BatchNumber(number), cancellationToken);
        var targets = batch.Steps.SelectMany(s => s.Materials.Select(m => (Key: (s.Number, m.MaterialCode.Value), m.TargetQuantity)))
            .ToDictionary(t => t.Key, t => t.TargetQuantity);
        var captured = batch.Steps.SelectMany(s => s.Values.Where(v => v.IsCaptured).Select(v => (Key: (s.Number, v.Name), Tag: v.CaptureTag!.Value)))
            .ToDictionary(c => c.Key, c => c.Tag);
        return new DemoTabletRun(floor, number, column, targets, captured);
    }

    public async Task StartAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        Floor.Clock.MoveTo(at);
        await Floor.Execution.StartAsync(Number, Floor.Operator.Actor, cancellationToken);
    }

    /// <summary>Performs the steps up to <paramref name="last"/>, each a short gap after the one before is done.</summary>
    public async Task RunStepsAsync(int last, Deviation? deviation, CancellationToken cancellationToken)
    {
        foreach (var step in DemoTabletSteps.All.Where(s => s.Number <= last))
            await StepAsync(step, deviation, entries: null, cancellationToken);
    }

    /// <summary>
    /// Starts the step on its equipment and records its entries spread over its duration; with
    /// <paramref name="entries"/>, stops after that many, leaving the step in progress.
    /// </summary>
    public async Task StepAsync(DemoTabletSteps.Step step, Deviation? deviation, int? entries, CancellationToken cancellationToken)
    {
        var clock = Floor.Clock;
        var who = Floor.Operator;
        clock.Advance(DemoTabletSteps.Gap);
        var start = clock.GetUtcNow();
        await Floor.Execution.StartStepAsync(Number, step.Number, step.Equipment, who.Actor, cancellationToken);

        var values = step.Values.Select(v => (Name: v.Name, Record: (Func<Task<StepOutcome>>)(() => RecordAsync(step, v.Name,
            Deviating(step, v.Name) ?? v.ByBatch[column], who, cancellationToken))));
        var weighings = step.Materials.Select(m => (Name: m.Material, Record: (Func<Task<StepOutcome>>)(() => Floor.Execution.DispenseAsync(Number, step.Number, m.Material,
            m.Lot, (decimal?)Deviating(step, m.Material) ?? Weighed(step, m), who.Actor, cancellationToken))));
        var actions = (step.MaterialsFirst ? weighings.Concat(values) : values.Concat(weighings)).ToList();

        // Whole minutes, as people note times.
        var spacing = TimeSpan.FromMinutes(Math.Floor(((step.Duration - DemoTabletSteps.Closing) / actions.Count).TotalMinutes));
        foreach (var (action, index) in actions.Take(entries ?? actions.Count).Select((a, i) => (a, i)))
        {
            clock.MoveToOrStay(start + spacing * (index + 1));
            var outcome = await action.Record();
            if (outcome.QualityExceptionNumber is not null && deviation is not null && deviation.Step == step.Number && deviation.Name == action.Name)
                await deviation.Handle(this, outcome, cancellationToken);
        }
        if (entries is not null)
            return;

        clock.MoveToOrStay(start + step.Duration);
        await Floor.Execution.CompleteStepAsync(Number, step.Number, who.Credentials, who.Actor, cancellationToken);
        if (step.Verified)
        {
            clock.Advance(DemoTabletSteps.Verification);
            await Floor.Execution.VerifyStepAsync(Number, step.Number, Floor.Supervisor.Credentials, Floor.Supervisor.Actor, cancellationToken);
        }

        double? Deviating(DemoTabletSteps.Step s, string name) => deviation is not null && deviation.Step == s.Number && deviation.Name == name ? deviation.Recorded : null;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Floor.Clock.Advance(DemoTabletSteps.Gap);
        // The operator counts the good cartons: a little under plan, as start-up and sampling losses take some.
        var planned = (await Floor.Review.GetRecordAsync(Number, cancellationToken))!.Batch.PlannedQuantity.Amount;
        var made = Math.Floor(planned * (0.97m + 0.005m * (column % 4)));
        await Floor.Execution.CompleteAsync(Number, made, Floor.Operator.Actor, cancellationToken);
    }

    /// <summary>After the batch the line is cleaned, which starts the clean hold time the next batch relies on.</summary>
    public async Task CleanLineAsync(CancellationToken cancellationToken)
    {
        Floor.Clock.Advance(TimeSpan.FromHours(1));
        await using var db = await Floor.Contexts.CreateDbContextAsync(AuditActor.System("demo set-up", $"Tablet line 1 cleaned after batch {Number}"), cancellationToken);
        var now = Floor.Clock.GetUtcNow();
        foreach (var equipment in (await db.Equipment.ToListAsync(cancellationToken)).Where(e => DemoTabletSteps.LineEquipment.Contains(e.Code.Value)))
            DemoPlant.Clean(equipment, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Types a value, or, for a parameter captured from equipment, has the equipment report it (the reading the
    /// simulator would have sent at that moment) and captures it, so the record shows a genuine capture.
    /// </summary>
    private async Task<StepOutcome> RecordAsync(DemoTabletSteps.Step step, string name, double value, DemoShopFloor.Person who, CancellationToken cancellationToken)
    {
        if (!captured.TryGetValue((step.Number, name), out var tag))
            return await Floor.Execution.RecordValueAsync(Number, step.Number, name, value, who.Actor, cancellationToken);
        var channel = (await Floor.Directory.GetAsync(cancellationToken)).ByCode[step.Equipment].Channels[tag.Value];
        await using (var db = await Floor.Contexts.CreateDbContextAsync(cancellationToken))
        {
            db.TelemetrySamples.Add(new TelemetrySample { ChannelId = channel, Time = Floor.Clock.GetUtcNow(), Value = value });
            await db.SaveChangesAsync(cancellationToken);
        }
        return await Floor.Execution.CaptureValueAsync(Number, step.Number, name, who.Actor, cancellationToken);
    }

    private decimal Weighed(DemoTabletSteps.Step step, DemoTabletSteps.Weighing weighing)
    {
        var target = targets[(step.Number, weighing.Material)].Amount;
        return Math.Round(target * weighing.FactorByBatch[column], weighing.Decimals, MidpointRounding.AwayFromZero);
    }
}
