using Npgsql;

namespace PharmaMes.Infrastructure.Persistence;

internal static class PostgreSqlTarget
{
    /// <summary>Host and database only: a connection string may carry a password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}/{builder.Database}";
    }
}
