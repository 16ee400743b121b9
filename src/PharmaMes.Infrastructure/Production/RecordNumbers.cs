using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// The next human number of a batch ("B-2026-0042") or quality exception ("QE-2026-0007"): per
/// year, one more than the highest so far. Two writers taking the same number at once are
/// stopped by the unique index; the loser retries.
/// </summary>
internal static class RecordNumbers
{
    public static async Task<BatchNumber> NextBatchAsync(MesDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prefix = $"B-{now.UtcDateTime.Year}-";
        var numbers = (await db.Batches.Select(b => b.Number).ToListAsync(cancellationToken)).Select(n => n.Value);
        // A batch's output lot carries the batch number: a number some lot already has is taken.
        var lots = (await db.MaterialLots.Select(l => l.Number).ToListAsync(cancellationToken)).Select(n => n.Value);
        return new BatchNumber(prefix + Next(numbers.Concat(lots), prefix));
    }

    public static async Task<QualityExceptionNumber> NextExceptionAsync(MesDbContext db, DateTimeOffset now, int offset, CancellationToken cancellationToken)
    {
        var prefix = $"QE-{now.UtcDateTime.Year}-";
        var numbers = await db.QualityExceptions.Select(q => q.Number).ToListAsync(cancellationToken);
        return new QualityExceptionNumber(prefix + (int.Parse(Next(numbers.Select(n => n.Value), prefix), System.Globalization.CultureInfo.InvariantCulture) + offset).ToString("0000", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Next(IEnumerable<string> existing, string prefix)
    {
        var highest = existing.Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan(prefix.Length), out var value) ? value : 0)
            .DefaultIfEmpty(0).Max();
        return (highest + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
    }
}
