namespace PharmaMes.Infrastructure.Persistence;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, nothing to install.</summary>
    Sqlite,
    /// <summary>Production.</summary>
    SqlServer,
    /// <summary>Production, on PostgreSQL.</summary>
    PostgreSql,
}
