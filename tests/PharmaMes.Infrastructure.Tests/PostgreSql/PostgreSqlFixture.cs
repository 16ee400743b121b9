namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>One PostgreSQL server for the collection, and for each test a fresh database of its own.</summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private readonly List<string> _folders = [];

    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    /// <summary>
    /// The settings that put a MES on a new, empty database of this server. The ingest journal,
    /// which would sit beside a SQLite file, gets a folder of its own too.
    /// </summary>
    public async Task<Dictionary<string, string?>> NewDatabaseAsync()
    {
        var journal = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        lock (_folders)
            _folders.Add(journal);
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Mes"] = await Server.CreateDatabaseAsync(),
            ["Mqtt:Ingest:JournalFolder"] = journal,
        };
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
        foreach (var folder in _folders)
            MesTestHost.DeleteFolder(folder);
    }
}
