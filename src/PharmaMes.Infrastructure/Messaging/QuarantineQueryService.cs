using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>The newest quarantined messages and counts by reason, for engineers.</summary>
public sealed class QuarantineQueryService(IDbContextFactory<MesDbContext> contexts)
{
    public async Task<IReadOnlyList<QuarantinedMessage>> LatestAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.QuarantinedMessages.AsNoTracking()
            .OrderByDescending(q => q.ReceivedAt)
            .Take(Math.Clamp(take, 1, 1_000))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByReasonAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.QuarantinedMessages.AsNoTracking()
            .GroupBy(q => q.ReasonCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
