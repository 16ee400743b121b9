using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// Batch lists, the electronic batch record as QA reviews it (every signature checked against
/// the record as it is now), and QA's disposition: release or reject with an electronic
/// signature, which makes the finished-goods lot Released or Rejected and posts the output to the
/// inventory ledger.
/// </summary>
public sealed class BatchReviewService(IDbContextFactory<MesDbContext> contexts, ElectronicSigning signing, TimeProvider clock)
{
    public async Task<IReadOnlyList<BatchSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batches = await db.Batches.AsNoTracking().Include(b => b.Steps).AsSplitQuery().OrderByDescending(b => b.CreatedAt).ToListAsync(cancellationToken);
        var orders = await db.ProductionOrders.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Number.Value, cancellationToken);
        var products = await db.Materials.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken);
        var open = await db.QualityExceptions.AsNoTracking().Where(q => q.BatchId != null && q.Status != QualityExceptionStatus.Closed)
            .GroupBy(q => q.BatchId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return batches.Select(b => new BatchSummary(b.Number.Value, b.ProductCode.Value, products.GetValueOrDefault(b.ProductCode) ?? b.ProductCode.Value,
            orders.GetValueOrDefault(b.OrderId) ?? "", b.RecipeVersion, b.State.ToString(), b.Disposition.ToString(),
            b.Steps.Count(s => s.IsDone), b.Steps.Count, open.GetValueOrDefault(b.Id), b.CreatedAt, b.StartedAt, b.CompletedAt)).ToList();
    }

    /// <summary>The whole record of one batch, or null when there is no such batch.</summary>
    public async Task<BatchRecordView?> GetRecordAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batchNumber = new BatchNumber(number);
        var batch = await db.Batches.AsNoTracking().WithSteps().SingleOrDefaultAsync(b => b.Number == batchNumber, cancellationToken);
        if (batch is null)
            return null;
        var entries = await db.BatchRecordEntries.AsNoTracking().Where(e => e.BatchId == batch.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var exceptions = await db.QualityExceptions.AsNoTracking().Include(q => q.Notes).Where(q => q.BatchId == batch.Id)
            .OrderBy(q => q.RaisedAt).ToListAsync(cancellationToken);
        var order = await db.ProductionOrders.AsNoTracking().Where(o => o.Id == batch.OrderId).Select(o => o.Number).SingleAsync(cancellationToken);
        var product = await db.Materials.AsNoTracking().Where(m => m.Code == batch.ProductCode).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);

        var stepIds = batch.Steps.ToDictionary(s => s.Id);
        var exceptionIds = exceptions.ToDictionary(q => q.Id);
        var subjects = stepIds.Keys.Concat(exceptionIds.Keys).Append(batch.Id).ToList();
        var signatures = await db.Signatures.AsNoTracking().Where(s => subjects.Contains(s.SubjectId)).ToListAsync(cancellationToken);
        var views = signatures.OrderBy(s => s.SignedAt).Select(s =>
            stepIds.TryGetValue(s.SubjectId, out var step) ? new SignatureView(s, step.Label, s.IsValidFor(step.Content(batch.Number, s.Meaning)))
            : exceptionIds.TryGetValue(s.SubjectId, out var exception) ? new SignatureView(s, $"Quality exception {exception.Number}", s.IsValidFor(exception.Content()))
            : new SignatureView(s, $"Batch {batch.Number}", s.IsValidFor(batch.Content()))).ToList();
        return new BatchRecordView(batch, order.Value, product ?? batch.ProductCode.Value, entries, views, exceptions);
    }

    public Task ReleaseAsync(string number, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        DecideAsync(number, credentials, actor, SignatureMeaning.Released, null, cancellationToken);

    public Task RejectAsync(string number, string reason, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        DecideAsync(number, credentials, actor.Because(reason), SignatureMeaning.Rejected, reason, cancellationToken);

    private async Task DecideAsync(string number, SignatureCredentials credentials, AuditActor actor, SignatureMeaning meaning, string? reason,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var batch = await db.LoadForActionAsync(number, cancellationToken);
        var now = clock.GetUtcNow();
        var open = await db.QualityExceptions.CountAsync(q => q.BatchId == batch.Id && q.Status != QualityExceptionStatus.Closed, cancellationToken);
        // The domain checks segregation of duties and open exceptions before anyone is asked to sign.
        if (meaning == SignatureMeaning.Released)
        {
            SegregationOfDuties.EnsureReleaserDidNotExecute(batch.Steps.SelectMany(s => s.ExecutorIds()), actor.UserId ?? Guid.Empty);
            if (open > 0)
                throw new DomainException($"Batch {batch.Number} has {open} open quality exception{(open == 1 ? "" : "s")}: close {(open == 1 ? "it" : "them")} before release.");
        }
        var signature = await signing.SignAsync(db, actor, credentials,
            new SignatureRequest(meaning, "Batch", batch.Id, batch.Content(), reason), cancellationToken);
        if (meaning == SignatureMeaning.Released)
            batch.Release(signature, open, now);
        else
            batch.Reject(signature, reason ?? "", now);
        if (batch.State == BatchState.Completed)
            await PostOutputAsync(db, batch, meaning, reason, actor, now, cancellationToken);
        db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
        await db.SaveOrRefuseAsync(cancellationToken);
    }

    /// <summary>
    /// The batch's finished-goods lot, booked in Quarantine with the actual quantity when the batch completed,
    /// follows QA's decision: Released or Rejected with it.
    /// </summary>
    private static async Task PostOutputAsync(MesDbContext db, Batch batch, SignatureMeaning meaning, string? reason, AuditActor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // A batch completed before its lot was booked at completion gets it now, with the plan (the only figure it has).
        var lot = await BatchOutput.FindAsync(db, batch, cancellationToken)
            ?? await BatchOutput.BookAsync(db, batch, batch.PlannedQuantity, actor, now, cancellationToken);
        if (meaning == SignatureMeaning.Released)
            lot.Release(now);
        else
            lot.Reject(reason ?? "Batch rejected", now);
    }
}
