using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>How a batch is loaded to act on it: its steps with their values and materials, never its (long) record.</summary>
internal static class BatchQueries
{
    public static IQueryable<Batch> WithSteps(this IQueryable<Batch> batches) =>
        batches.Include(b => b.Steps).ThenInclude(s => s.Values)
            .Include(b => b.Steps).ThenInclude(s => s.Materials)
            .AsSplitQuery();

    public static async Task<Batch> LoadForActionAsync(this MesDbContext db, string number, CancellationToken cancellationToken)
    {
        var batchNumber = new BatchNumber(number);
        return await db.Batches.WithSteps().SingleOrDefaultAsync(b => b.Number == batchNumber, cancellationToken)
            ?? throw new BatchNotFoundException(batchNumber.Value);
    }
}
