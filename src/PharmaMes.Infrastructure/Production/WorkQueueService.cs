using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// Reads the shop floor's work queue from the open batches: next steps, oldest batch first, and verifications waiting.
/// For a terminal at a line, only the work that can be done on that line: a step on its equipment, or one that needs
/// a class of equipment the line has; work that needs no equipment shows everywhere.
/// </summary>
public sealed class WorkQueueService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    public async Task<WorkQueue> GetAsync(CancellationToken cancellationToken = default) => await GetAsync(null, cancellationToken);

    /// <param name="line">The code of the terminal's line; null for every line.</param>
    public async Task<WorkQueue> GetAsync(string? line, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Batches.AsNoTracking().Include(b => b.Steps).AsSplitQuery()
            .Where(b => b.State == BatchState.Created || b.State == BatchState.Running || b.State == BatchState.Held)
            .ToListAsync(cancellationToken);
        var products = await db.Materials.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken);
        var lines = await db.Lines.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(cancellationToken);
        var lineCodes = lines.ToDictionary(l => l.Id, l => l.Code.Value);
        var equipment = await db.Equipment.AsNoTracking().Select(e => new { e.Code, e.Class, e.LineId }).ToListAsync(cancellationToken);
        var lineOfUnit = equipment.ToDictionary(e => e.Code, e => lineCodes.GetValueOrDefault(e.LineId) ?? "");
        var linesOfClass = equipment.GroupBy(e => e.Class).ToDictionary(g => g.Key, g => g.Select(e => lineCodes.GetValueOrDefault(e.LineId) ?? "").ToHashSet());

        // Empty: the work needs no particular line.
        IReadOnlySet<string> LinesOf(BatchStep step) =>
            step.EquipmentCode is { } code && lineOfUnit.TryGetValue(code, out var unitLine) ? new HashSet<string> { unitLine }
            : step.RequiredEquipmentClass is { } needed ? linesOfClass.GetValueOrDefault(needed) ?? [] : new HashSet<string>();
        IReadOnlySet<string> LinesOfBatch(Batch batch) => batch.Steps.SelectMany(LinesOf).ToHashSet();
        bool Here(IReadOnlySet<string> where) => line is null || where.Count == 0 || where.Contains(line);

        var toDo = new List<WorkItem>();
        var toVerify = new List<WorkItem>();
        foreach (var batch in open.OrderBy(b => b.StartedAt ?? b.CreatedAt))
        {
            var product = products.GetValueOrDefault(batch.ProductCode) ?? batch.ProductCode.Value;
            if (batch.State == BatchState.Created)
            {
                if (Here(LinesOfBatch(batch)))
                    toDo.Add(new WorkItem(batch.Number.Value, product, batch.State, 0, "Start the batch", null, null, null, null, batch.CreatedAt));
                continue;
            }
            foreach (var step in batch.Steps.Where(s => s.State == StepState.AwaitingVerification && Here(LinesOf(s))).OrderBy(s => s.Number))
                toVerify.Add(new WorkItem(batch.Number.Value, product, batch.State, step.Number, step.Name, step.State, step.EquipmentCode?.Value,
                    step.PerformedByName, step.PerformedById, step.PerformedAt ?? batch.StartedAt ?? batch.CreatedAt));
            // Steps run in order: the next one is the first not done, unless an earlier one still waits for its verifier.
            var next = batch.Steps.OrderBy(s => s.Number).FirstOrDefault(s => !s.IsDone);
            if (next is not null && next.State is StepState.Pending or StepState.InProgress && Here(LinesOf(next)))
                toDo.Add(new WorkItem(batch.Number.Value, product, batch.State, next.Number, next.Name, next.State, next.EquipmentCode?.Value,
                    null, null, next.StartedAt ?? batch.StartedAt ?? batch.CreatedAt));
            else if (next is null && Here(LinesOfBatch(batch)))
                toDo.Add(new WorkItem(batch.Number.Value, product, batch.State, 0, "Complete the batch: every step is done", null, null, null, null,
                    batch.Steps.Max(s => s.CompletedAt) ?? batch.StartedAt ?? batch.CreatedAt));
        }
        return new WorkQueue(clock.GetUtcNow(), toDo, toVerify.OrderBy(v => v.Since).ToList())
        {
            Line = line,
            Lines = [.. lines.Select(l => new LineChoice(l.Code.Value, l.Name))],
        };
    }
}
