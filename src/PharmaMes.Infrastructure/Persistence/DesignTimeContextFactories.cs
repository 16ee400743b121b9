using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PharmaMes.Infrastructure.Persistence;

// Used only by `dotnet ef` to generate migrations; no database is opened to do so.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMesDbContext>
{
    public SqliteMesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMesDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMesDbContext>
{
    public SqlServerMesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMesDbContext>().UseSqlServer("Server=.;Database=PharmaMes;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMesDbContext>
{
    public PostgreSqlMesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlMesDbContext>().UseNpgsql("Host=localhost;Database=pharmames;Username=pharmames").Options);
}
