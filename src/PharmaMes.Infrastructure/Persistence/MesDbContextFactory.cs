using Microsoft.EntityFrameworkCore;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>Hands out the configured provider's context as the <see cref="MesDbContext"/> services use.</summary>
internal sealed class MesDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<MesDbContext>
    where TContext : MesDbContext
{
    public MesDbContext CreateDbContext() => inner.CreateDbContext();
}
