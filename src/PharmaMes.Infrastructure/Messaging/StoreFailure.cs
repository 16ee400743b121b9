using System.Data.Common;
using Microsoft.Data.Sqlite;

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

    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is Busy or Locked or NoMemory or ReadOnly or IoError or Full or CannotOpen:
                case DbException { IsTransient: true }:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
