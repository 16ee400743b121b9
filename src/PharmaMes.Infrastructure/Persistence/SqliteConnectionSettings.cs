using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings, applied whenever a pooled connection opens: a page cache large
/// enough for the telemetry index, and the durability level of commits.
/// </summary>
internal sealed class SqliteConnectionSettings(bool fullSync) : DbConnectionInterceptor
{
    // FULL: every commit is on disk before the broker gets its acknowledgement, even across a power
    // loss. NORMAL (in WAL mode): a process crash loses nothing committed; a power loss may lose
    // the last commits. Database:SqliteSynchronous chooses; FULL is the default.
    private string Pragmas => $"PRAGMA cache_size = -65536; PRAGMA synchronous = {(fullSync ? "FULL" : "NORMAL")};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
