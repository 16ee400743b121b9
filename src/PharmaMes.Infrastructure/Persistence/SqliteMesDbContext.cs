using Microsoft.EntityFrameworkCore;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// The SQLite flavour of <see cref="MesDbContext"/> (the embedded default).
/// Add a migration with:
/// <c>dotnet ef migrations add NAME --project src/PharmaMes.Infrastructure --startup-project src/PharmaMes.Infrastructure --context SqliteMesDbContext --output-dir Persistence/Migrations/Sqlite</c>
/// </summary>
public sealed class SqliteMesDbContext(DbContextOptions<SqliteMesDbContext> options) : MesDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps DateTimeOffset as TEXT, which EF cannot compare or order in queries.
        // As UTC ticks in an INTEGER it sorts, compares and aggregates as an instant.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
