using Microsoft.Extensions.Configuration;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>The <c>Database</c> section, plus <c>ConnectionStrings:Mes</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Mes";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public bool MigrateOnStartup { get; init; } = true;
    public string ConnectionString { get; init; } = "";
    /// <summary>SQLite only: commit durability, <c>Full</c> (default, survives power loss) or <c>Normal</c> (survives a process crash; faster).</summary>
    public bool SqliteFullSync { get; init; } = true;

    /// <summary>
    /// Reads and checks the settings the container is built from. They are needed before the
    /// container exists, so a mistake stops start-up here with a message naming the key.
    /// </summary>
    public static DatabaseOptions Read(IConfiguration configuration, string baseDirectory)
    {
        var section = configuration.GetSection(Section);
        var providerText = section["Provider"];
        var provider = DatabaseProvider.Sqlite;
        // Names only: Enum.TryParse would also take "1" or "7".
        if (!string.IsNullOrWhiteSpace(providerText)
            && !Enum.GetNames<DatabaseProvider>().Any(name => string.Equals(name, providerText.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException(
                $"The setting Database:Provider has the value '{providerText}', which is not supported. " +
                $"Allowed values: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"The setting ConnectionStrings:{ConnectionStringName} is missing or empty. " +
                "Give the database connection string, e.g. \"Data Source=data/pharmames.db\" for SQLite.");

        if (!string.IsNullOrWhiteSpace(providerText))
            provider = Enum.Parse<DatabaseProvider>(providerText.Trim(), ignoreCase: true);

        var migrateText = section["MigrateOnStartup"];
        var migrate = true;
        if (!string.IsNullOrWhiteSpace(migrateText) && !bool.TryParse(migrateText, out migrate))
            throw new InvalidOperationException(
                $"The setting Database:MigrateOnStartup has the value '{migrateText}'. Allowed values: true, false.");

        var synchronous = section["SqliteSynchronous"];
        if (!string.IsNullOrWhiteSpace(synchronous) && !new[] { "Full", "Normal" }.Contains(synchronous, StringComparer.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"The setting Database:SqliteSynchronous has the value '{synchronous}'. Allowed values: Full, Normal.");

        return new DatabaseOptions
        {
            SqliteFullSync = !string.Equals(synchronous, "Normal", StringComparison.OrdinalIgnoreCase),
            Provider = provider,
            MigrateOnStartup = migrate,
            ConnectionString = provider == DatabaseProvider.Sqlite
                ? SqliteFile.Anchor(connectionString, baseDirectory)
                : connectionString,
        };
    }

    /// <summary>What the log says about the database, without any password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite file {SqliteFile.PathOf(ConnectionString)}",
        DatabaseProvider.PostgreSql => $"PostgreSQL {PostgreSqlTarget.Describe(ConnectionString)}",
        _ => $"SQL Server {SqlServerTarget.Describe(ConnectionString)}",
    };
}
