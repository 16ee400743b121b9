using Microsoft.EntityFrameworkCore;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// The SQL Server flavour of <see cref="MesDbContext"/> (production).
/// Add a migration with:
/// <c>dotnet ef migrations add NAME --project src/PharmaMes.Infrastructure --startup-project src/PharmaMes.Infrastructure --context SqlServerMesDbContext --output-dir Persistence/Migrations/SqlServer</c>
/// </summary>
public sealed class SqlServerMesDbContext(DbContextOptions<SqlServerMesDbContext> options) : MesDbContext(options);
