using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// Contexts whose saves are stamped by the replay clock instead of the app's: the audit entries and
/// lot balances of the seeded history carry the past times the history happened at.
/// </summary>
internal sealed class ReplayContexts(IDbContextFactory<MesDbContext> inner, ReplayClock clock) : IDbContextFactory<MesDbContext>
{
    public MesDbContext CreateDbContext() => inner.CreateDbContext().Replaying(clock);

    public async Task<MesDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        (await inner.CreateDbContextAsync(cancellationToken)).Replaying(clock);
}
