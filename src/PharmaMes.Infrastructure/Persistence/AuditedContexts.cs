using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Audit;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// Begins a unit of work for someone: the person who signs or acts at a terminal, or the part of
/// the system that acts on its own (<see cref="AuditActor.System"/>). The actor is fixed for the
/// life of the context, so nothing it saves can be audited under another name.
/// </summary>
public static class AuditedContexts
{
    public static async Task<MesDbContext> CreateDbContextAsync(this IDbContextFactory<MesDbContext> contexts, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        (await contexts.CreateDbContextAsync(cancellationToken)).ActingFor(actor);

    public static MesDbContext CreateDbContext(this IDbContextFactory<MesDbContext> contexts, AuditActor actor) =>
        contexts.CreateDbContext().ActingFor(actor);
}
