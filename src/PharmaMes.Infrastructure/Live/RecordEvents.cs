using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Live;

/// <summary>Reads, after their commit, the live events of batches and quality exceptions that screens and hub clients follow.</summary>
public sealed class RecordEvents(IDbContextFactory<MesDbContext> contexts)
{
    /// <summary>Where the batch stands now; null when there is no such batch.</summary>
    public async Task<BatchStateChanged?> BatchAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var wanted = new BatchNumber(number);
        var batch = await db.Batches.AsNoTracking().Include(b => b.Steps).AsSplitQuery().SingleOrDefaultAsync(b => b.Number == wanted, cancellationToken);
        if (batch is null)
            return null;
        var current = batch.Steps.OrderBy(s => s.Number).FirstOrDefault(s => !s.IsDone)?.Number;
        var at = new[] { batch.CompletedAt, batch.StartedAt, (DateTimeOffset?)batch.CreatedAt }
            .Concat(batch.Steps.Select(s => s.CompletedAt ?? s.PerformedAt ?? s.StartedAt)).Max() ?? batch.CreatedAt;
        return new BatchStateChanged(batch.Number.Value, batch.ProductCode.Value, batch.State.ToString(), batch.Disposition.ToString(),
            batch.Steps.Count(s => s.IsDone), batch.Steps.Count, current, at);
    }

    /// <summary>Where the quality exception stands now; null when there is no such exception.</summary>
    public async Task<QualityExceptionChanged?> QualityExceptionAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var wanted = new QualityExceptionNumber(number);
        var q = await db.QualityExceptions.AsNoTracking().SingleOrDefaultAsync(e => e.Number == wanted, cancellationToken);
        return q is null ? null
            : new QualityExceptionChanged(q.Number.Value, q.BatchNumber?.Value, q.StepNumber, q.Severity.ToString(), q.Status.ToString(), q.Title,
                q.ClosedAt ?? q.InvestigationStartedAt ?? q.RaisedAt);
    }
}
