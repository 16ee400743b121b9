using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>
/// Writes a batch of samples inside the caller's transaction, the fast way for each provider:
/// one prepared INSERT on SQLite, a bulk copy on SQL Server. A sample already stored (a message
/// the broker delivered twice) is skipped, so a redelivery never fails a batch.
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
            default:
                throw new NotSupportedException($"No telemetry writer for {db.Database.ProviderName}.");
        }
    }

    private static async Task WriteSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<TelemetrySample> samples, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO TelemetrySamples (EquipmentId, Tag, Time, Value) VALUES ($equipment, $tag, $time, $value)";
        // The same representations EF uses on SQLite: GUIDs as upper-case text, times as UTC ticks.
        var equipment = command.Parameters.Add("$equipment", SqliteType.Text);
        var tag = command.Parameters.Add("$tag", SqliteType.Text);
        var time = command.Parameters.Add("$time", SqliteType.Integer);
        var value = command.Parameters.Add("$value", SqliteType.Real);
        command.Prepare();
        foreach (var sample in samples)
        {
            equipment.Value = sample.EquipmentId.ToString().ToUpperInvariant();
            tag.Value = sample.Tag;
            time.Value = sample.Time.UtcTicks;
            value.Value = sample.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task WriteSqlServerAsync(SqlConnection connection, SqlTransaction transaction, IReadOnlyList<TelemetrySample> samples, CancellationToken cancellationToken)
    {
        var table = new DataTable();
        table.Columns.Add("EquipmentId", typeof(Guid));
        table.Columns.Add("Tag", typeof(string));
        table.Columns.Add("Time", typeof(DateTimeOffset));
        table.Columns.Add("Value", typeof(double));
        foreach (var sample in samples)
            table.Rows.Add(sample.EquipmentId, sample.Tag, sample.Time, sample.Value);

        await using (var create = new SqlCommand(
            "CREATE TABLE #samples (EquipmentId uniqueidentifier NOT NULL, Tag nvarchar(40) NOT NULL, Time datetimeoffset NOT NULL, Value float NOT NULL);",
            connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        using (var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction) { DestinationTableName = "#samples" })
            await bulk.WriteToServerAsync(table, cancellationToken);
        await using var merge = new SqlCommand(
            """
            INSERT INTO TelemetrySamples (EquipmentId, Tag, Time, Value)
            SELECT s.EquipmentId, s.Tag, s.Time, MAX(s.Value) FROM #samples s
            WHERE NOT EXISTS (SELECT 1 FROM TelemetrySamples t WHERE t.EquipmentId = s.EquipmentId AND t.Tag = s.Tag AND t.Time = s.Time)
            GROUP BY s.EquipmentId, s.Tag, s.Time;
            DROP TABLE #samples;
            """, connection, transaction);
        await merge.ExecuteNonQueryAsync(cancellationToken);
    }
}
