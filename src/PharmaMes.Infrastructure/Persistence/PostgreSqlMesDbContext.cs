using Microsoft.EntityFrameworkCore;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// The PostgreSQL flavour of <see cref="MesDbContext"/>.
/// Add a migration with:
/// <c>dotnet ef migrations add NAME --project src/PharmaMes.Infrastructure --startup-project src/PharmaMes.Infrastructure --context PostgreSqlMesDbContext --output-dir Persistence/Migrations/PostgreSql</c>
/// </summary>
public sealed class PostgreSqlMesDbContext(DbContextOptions<PostgreSqlMesDbContext> options) : MesDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // timestamptz keeps microseconds, but the domain's instants carry 100 ns ticks that it relies
        // on exactly: the audit chain hashes At.UtcTicks, and some instants are concurrency tokens.
        // A round trip through timestamptz would break the chain. As UTC ticks in a bigint, as on
        // SQLite, every instant comes back as it was written, and sorts and compares as an instant.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
