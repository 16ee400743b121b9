using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Quality;

/// <summary>
/// Quality exceptions (deviations): raised by hand, investigated with notes, closed by QA with a
/// conclusion and an electronic signature. An exception of a batch is noted in its batch record
/// when raised and when closed.
/// </summary>
public sealed class QualityExceptionService(IDbContextFactory<MesDbContext> contexts, ElectronicSigning signing, TimeProvider clock)
{
    public async Task<IReadOnlyList<QualityException>> ListAsync(bool openOnly, string? batchNumber = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.QualityExceptions.AsNoTracking().Include(q => q.Notes).AsQueryable();
        if (openOnly)
            query = query.Where(q => q.Status != QualityExceptionStatus.Closed);
        if (!string.IsNullOrWhiteSpace(batchNumber))
        {
            var number = new BatchNumber(batchNumber);
            query = query.Where(q => q.BatchNumber == number);
        }
        return await query.OrderByDescending(q => q.RaisedAt).ToListAsync(cancellationToken);
    }

    public async Task<QualityException?> FindAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = new QualityExceptionNumber(number);
        return await db.QualityExceptions.AsNoTracking().Include(q => q.Notes).SingleOrDefaultAsync(q => q.Number == code, cancellationToken);
    }

    public async Task<string> RaiseAsync(QualityExceptionSeverity severity, string title, string description, string? batchNumber, int? stepNumber, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var now = clock.GetUtcNow();
        var batch = string.IsNullOrWhiteSpace(batchNumber) ? null : await db.LoadForActionAsync(batchNumber, cancellationToken);
        var exception = QualityException.Raise(await RecordNumbers.NextExceptionAsync(db, now, 0, cancellationToken), severity, title, description,
            BatchExecutionService.PersonOf(actor), now, batch, stepNumber);
        db.QualityExceptions.Add(exception);
        if (batch is not null)
        {
            batch.NoteQualityExceptionRaised(exception);
            db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
        }
        await db.SaveChangesAsync(cancellationToken);
        return exception.Number.Value;
    }

    public Task AddNoteAsync(string number, string text, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (exception, db, now) =>
        {
            if (exception.Status == QualityExceptionStatus.Open)
                exception.StartInvestigation(now);
            db.Add(exception.AddNote(text, BatchExecutionService.PersonOf(actor), now));
            await Task.CompletedTask;
        }, cancellationToken);

    /// <summary>QA closes with a conclusion and signs it; the batch record notes the closure.</summary>
    public Task CloseAsync(string number, string closure, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (exception, db, now) =>
        {
            exception.Close(closure, BatchExecutionService.PersonOf(actor), now);
            await signing.SignAsync(db, actor, credentials,
                new SignatureRequest(SignatureMeaning.Reviewed, "QualityException", exception.Id, exception.Content(), "Closed"), cancellationToken);
            if (exception.BatchNumber is { } batchNumber)
            {
                var batch = await db.LoadForActionAsync(batchNumber.Value, cancellationToken);
                batch.NoteQualityExceptionClosed(exception);
                db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
            }
        }, cancellationToken);

    private async Task ActAsync(string number, AuditActor actor, Func<QualityException, MesDbContext, DateTimeOffset, Task> action, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var code = new QualityExceptionNumber(number);
        var exception = await db.QualityExceptions.Include(q => q.Notes).SingleOrDefaultAsync(q => q.Number == code, cancellationToken)
            ?? throw new DomainException($"There is no quality exception {code}.");
        await action(exception, db, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<MesDbContext> OpenAsync(AuditActor actor, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        return db;
    }
}
