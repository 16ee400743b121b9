using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Tells the database's fault from the message's when storing fails. A locked, full or unreachable
/// database fails every message alike and passes: the messages wait. Only a failure that is the
/// message's own may set it aside in quarantine.
/// </summary>
public static class StoreFailure
{
    // SQLite result codes (the primary code, the low byte of an extended one).
    private const int Busy = 5, Locked = 6, NoMemory = 7, ReadOnly = 8, IoError = 10, Full = 13, CannotOpen = 14;

    // PostgreSQL conditions that concern the server or the moment, never the row: a conflict to retry
    // (serialization failure, deadlock, lock not available), a server short of resources, shutting down
    // or starting, a lost connection, an I/O error, or a server that is read-only (a standby not yet
    // promoted after a failover).
    private static bool IsPostgresTransient(string sqlState) =>
        sqlState is "40001" or "40P01" or "55P03" or "57P01" or "57P02" or "57P03" or "25006" or "58030"
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("08", StringComparison.Ordinal);

    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is Busy or Locked or NoMemory or ReadOnly or IoError or Full or CannotOpen:
                case PostgresException postgres when IsPostgresTransient(postgres.SqlState):
                // A connection that broke or could not be opened (the server is down, restarting or unreachable).
                case NpgsqlException npgsql when npgsql is not PostgresException && npgsql.InnerException is IOException or System.Net.Sockets.SocketException:
                case DbException { IsTransient: true }:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
