using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// Fails writes of state intervals with the error SQLite gives when another writer holds the
/// database longer than the busy timeout: while <see cref="Locked"/> is set, or, with
/// <see cref="OnceAfterAQuarantine"/>, the first such write after a message was set aside.
/// </summary>
public sealed class StateWritesLocked : DbCommandInterceptor
{
    private int _armed;
    private int _injected;

    public bool OnceAfterAQuarantine { get; init; }
    public volatile bool Locked;

    public int Injected => Volatile.Read(ref _injected);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        if (OnceAfterAQuarantine && command.CommandText.Contains("INSERT INTO \"QuarantinedMessages\"", StringComparison.Ordinal))
        {
            Volatile.Write(ref _armed, 1);
            return;
        }
        if (!command.CommandText.Contains("INSERT INTO \"StateIntervals\"", StringComparison.Ordinal))
            return;
        if (Locked || (OnceAfterAQuarantine && Interlocked.Exchange(ref _armed, 0) == 1))
        {
            Interlocked.Increment(ref _injected);
            throw new SqliteException("SQLite Error 5: 'database is locked'.", 5);
        }
    }
}
