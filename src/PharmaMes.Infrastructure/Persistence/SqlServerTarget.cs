using Microsoft.Data.SqlClient;

namespace PharmaMes.Infrastructure.Persistence;

internal static class SqlServerTarget
{
    /// <summary>Server and database only: a connection string may carry a password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"{builder.DataSource}, database {builder.InitialCatalog}";
    }
}
