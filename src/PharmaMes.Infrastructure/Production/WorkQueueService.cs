using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>Reads the shop floor's work queue from the open batches: next steps, oldest batch first, and verifications waiting.</summary>
public sealed class WorkQueueService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    public async Task<WorkQueue> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Batches.AsNoTracking().Include(b => b.Steps).AsSplitQuery()
            .Where(b => b.State == BatchState.Created || b.State == BatchState.Running || b.State == BatchState.Held)
            .ToListAsync(cancellationToken);
        var products = await db.Materials.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken);
        var toDo = new List<WorkItem>();
        var toVerify = new List<WorkItem>();
        foreach (var batch in open.OrderBy(b => b.StartedAt ?? b.CreatedAt))
        {
            var product = products.GetValueOrDefault(batch.ProductCode) ?? batch.ProductCode.Value;
            if (batch.State == BatchState.Created)
            {
                toDo.Add(new WorkItem(batch.Number.Value, product, batch.State, 0, "Start the batch", null, null, null, null, batch.CreatedAt));
                continue;
            }
            foreach (var step in batch.Steps.Where(s => s.State == StepState.AwaitingVerification).OrderBy(s => s.Number))
                toVerify.Add(new WorkItem(batch.Number.Value, product, batch.State, step.Number, step.Name, step.State, step.EquipmentCode?.Value,
                    step.PerformedByName, step.PerformedById, step.PerformedAt ?? batch.StartedAt ?? batch.CreatedAt));
            // Steps run in order: the next one is the first not done, unless an earlier one still waits for its verifier.
            var next = batch.Steps.OrderBy(s => s.Number).FirstOrDefault(s => !s.IsDone);
            if (next is not null && next.State is StepState.Pending or StepState.InProgress)
                toDo.Add(new WorkItem(batch.Number.Value, product, batch.State, next.Number, next.Name, next.State, next.EquipmentCode?.Value,
                    null, null, next.StartedAt ?? batch.StartedAt ?? batch.CreatedAt));
            else if (next is null)
                toDo.Add(new WorkItem(batch.Number.Value, product, batch.State, 0, "Complete the batch: every step is done", null, null, null, null,
                    batch.Steps.Max(s => s.CompletedAt) ?? batch.StartedAt ?? batch.CreatedAt));
        }
        return new WorkQueue(clock.GetUtcNow(), toDo, toVerify.OrderBy(v => v.Since).ToList());
    }
}
