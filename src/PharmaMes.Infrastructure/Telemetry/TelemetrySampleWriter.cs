using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>
/// Writes a batch of samples inside the caller's transaction, the fast way for each provider:
/// one prepared INSERT on SQLite, a bulk copy on SQL Server, a binary COPY on PostgreSQL. A sample
/// already stored (a message the broker delivered twice) is skipped, so a redelivery never fails a batch.
/// </summary>
internal static class TelemetrySampleWriter
{
    public static async Task WriteAsync(MesDbContext db, IReadOnlyList<TelemetrySample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
            return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Telemetry samples are written inside the batch's transaction.");
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
                await WriteSqliteAsync(sqlite, (SqliteTransaction)transaction, samples, cancellationToken);
                break;
            case SqlConnection sqlServer:
                await WriteSqlServerAsync(sqlServer, (SqlTransaction)transaction, samples, cancellationToken);
                break;
            case NpgsqlConnection postgres:
                await WritePostgreSqlAsync(postgres, samples, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"No telemetry writer for {db.Database.ProviderName}.");
        }
    }

    /// <summary>Rows per INSERT: one statement per row costs more in the driver than in SQLite.</summary>
    private const int RowsPerStatement = 200;

    private static async Task WriteSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<TelemetrySample> samples, CancellationToken cancellationToken)
    {
        await using var full = Prepare(connection, transaction, RowsPerStatement);
        var offset = 0;
        for (; offset + RowsPerStatement <= samples.Count; offset += RowsPerStatement)
            await ExecuteAsync(full, samples, offset, RowsPerStatement, cancellationToken);
        if (offset < samples.Count)
        {
            await using var rest = Prepare(connection, transaction, samples.Count - offset);
            await ExecuteAsync(rest, samples, offset, samples.Count - offset, cancellationToken);
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new System.Text.StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            values.Append(row == 0 ? "" : ",").Append($"($c{row},$s{row},$v{row})");
            // Times as UTC ticks, the representation EF uses on SQLite.
            command.Parameters.Add($"$c{row}", SqliteType.Integer);
            command.Parameters.Add($"$s{row}", SqliteType.Integer);
            command.Parameters.Add($"$v{row}", SqliteType.Real);
        }
        command.CommandText = $"INSERT OR IGNORE INTO TelemetrySamples (ChannelId, Time, Value) VALUES {values}";
        command.Prepare();
        return command;
    }

    private static async Task ExecuteAsync(SqliteCommand command, IReadOnlyList<TelemetrySample> samples, int offset, int rows, CancellationToken cancellationToken)
    {
        for (var row = 0; row < rows; row++)
        {
            var sample = samples[offset + row];
            command.Parameters[row * 3].Value = sample.ChannelId;
            command.Parameters[row * 3 + 1].Value = sample.Time.UtcTicks;
            command.Parameters[row * 3 + 2].Value = sample.Value;
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteSqlServerAsync(SqlConnection connection, SqlTransaction transaction, IReadOnlyList<TelemetrySample> samples, CancellationToken cancellationToken)
    {
        var table = new DataTable();
        table.Columns.Add("ChannelId", typeof(int));
        table.Columns.Add("Time", typeof(DateTimeOffset));
        table.Columns.Add("Value", typeof(double));
        foreach (var sample in samples)
            table.Rows.Add(sample.ChannelId, sample.Time, sample.Value);

        await using (var create = new SqlCommand(
            "CREATE TABLE #samples (ChannelId int NOT NULL, Time datetimeoffset NOT NULL, Value float NOT NULL);",
            connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        using (var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction) { DestinationTableName = "#samples" })
            await bulk.WriteToServerAsync(table, cancellationToken);
        await using var merge = new SqlCommand(
            """
            INSERT INTO TelemetrySamples (ChannelId, Time, Value)
            SELECT s.ChannelId, s.Time, MIN(s.Value) FROM #samples s
            WHERE NOT EXISTS (SELECT 1 FROM TelemetrySamples t WHERE t.ChannelId = s.ChannelId AND t.Time = s.Time)
            GROUP BY s.ChannelId, s.Time;
            DROP TABLE #samples;
            """, connection, transaction);
        await merge.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// COPY cannot skip a row already stored, so the batch is copied into a temporary table first and
    /// moved on from there, skipping what is there. Npgsql runs it all in the transaction the
    /// connection has open (the caller's): it takes no transaction object.
    /// </summary>
    private static async Task WritePostgreSqlAsync(NpgsqlConnection connection, IReadOnlyList<TelemetrySample> samples, CancellationToken cancellationToken)
    {
        // The types of the TelemetrySamples columns; ON COMMIT DROP also clears it away if the batch fails half-way.
        await using (var create = new NpgsqlCommand(
            "CREATE TEMPORARY TABLE \"IncomingSamples\" (\"ChannelId\" integer NOT NULL, \"Time\" bigint NOT NULL, \"Value\" double precision NOT NULL) ON COMMIT DROP;",
            connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"IncomingSamples\" (\"ChannelId\", \"Time\", \"Value\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var sample in samples)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(sample.ChannelId, NpgsqlDbType.Integer, cancellationToken);
                // Times as UTC ticks, the representation EF uses on PostgreSQL (see PostgreSqlMesDbContext).
                await copy.WriteAsync(sample.Time.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(sample.Value, NpgsqlDbType.Double, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        // A sample twice in one batch is stored once, with the same choice of value as on SQL Server.
        await using var move = new NpgsqlCommand(
            """
            INSERT INTO "TelemetrySamples" ("ChannelId", "Time", "Value")
            SELECT "ChannelId", "Time", MIN("Value") FROM "IncomingSamples" GROUP BY "ChannelId", "Time"
            ON CONFLICT ("ChannelId", "Time") DO NOTHING;
            DROP TABLE "IncomingSamples";
            """, connection);
        await move.ExecuteNonQueryAsync(cancellationToken);
    }
}
