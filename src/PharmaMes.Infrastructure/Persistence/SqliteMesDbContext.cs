using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
        // As a UTC-tick INTEGER it sorts, compares and aggregates correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
