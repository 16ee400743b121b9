using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Performance;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// Reads each equipment's running totals (<see cref="Domain.Plant.ProductionCount.TotalGood"/>) at the instants OEE asks
/// about, in one statement: for each instant, the totals of the last report at or before it, found by one seek on the
/// covering index. A month of 1 Hz reports is then a few thousand seeks, not millions of rows.
/// </summary>
internal static class RunningTotalsReader
{
    public static async Task<Dictionary<Guid, CountLedger>> ReadAsync(MesDbContext db, IReadOnlyDictionary<Guid, HashSet<DateTimeOffset>> instants,
        CancellationToken cancellationToken)
    {
        var asked = instants.SelectMany(e => e.Value.Select(at => (Equipment: e.Key, At: at))).ToList();
        var totals = instants.ToDictionary(e => e.Key, _ => new Dictionary<DateTimeOffset, (long Good, long Reject)>());
        if (asked.Count > 0)
        {
            var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
            var postgres = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
            // One JSON parameter, not thousands of SQL parameters: [position, equipment, instant] per question.
            // Instants as the provider stores them: UTC ticks on SQLite and PostgreSQL, datetimeoffset on SQL Server.
            var json = JsonSerializer.Serialize(asked.Select((q, i) => new object[]
            {
                i,
                sqlite ? q.Equipment.ToString().ToUpperInvariant() : q.Equipment.ToString(),
                sqlite || postgres ? q.At.UtcTicks : q.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff+00:00", CultureInfo.InvariantCulture),
            }));
            var query = sqlite ? Sqlite(db, json) : postgres ? PostgreSql(db, json) : SqlServer(db, json);
            var rows = await query.ToListAsync(cancellationToken);
            foreach (var row in rows)
                totals[asked[row.Position].Equipment][asked[row.Position].At] = (row.TotalGood, row.TotalReject);
        }
        return totals.ToDictionary(e => e.Key, e => (CountLedger)new RunningTotals(e.Value));
    }

    // Ties in time (two reports at one instant) are broken by the larger total: totals only grow.
    private static IQueryable<TotalsAt> Sqlite(MesDbContext db, string json) => db.Database.SqlQuery<TotalsAt>($"""
        SELECT CAST(json_extract(q.value, '$[0]') AS INTEGER) AS Position,
               COALESCE((SELECT p.TotalGood FROM ProductionCounts p
                         WHERE p.EquipmentId = json_extract(q.value, '$[1]') AND p.At <= json_extract(q.value, '$[2]')
                         ORDER BY p.At DESC, p.TotalGood DESC, p.TotalReject DESC LIMIT 1), 0) AS TotalGood,
               COALESCE((SELECT p.TotalReject FROM ProductionCounts p
                         WHERE p.EquipmentId = json_extract(q.value, '$[1]') AND p.At <= json_extract(q.value, '$[2]')
                         ORDER BY p.At DESC, p.TotalGood DESC, p.TotalReject DESC LIMIT 1), 0) AS TotalReject
        FROM json_each({json}) AS q
        """);

    private static IQueryable<TotalsAt> SqlServer(MesDbContext db, string json) => db.Database.SqlQuery<TotalsAt>($"""
        SELECT q.Position, COALESCE(p.TotalGood, 0) AS TotalGood, COALESCE(p.TotalReject, 0) AS TotalReject
        FROM OPENJSON({json}) WITH (Position int '$[0]', EquipmentId uniqueidentifier '$[1]', At datetimeoffset '$[2]') AS q
        OUTER APPLY (SELECT TOP 1 c.TotalGood, c.TotalReject FROM ProductionCounts c
                     WHERE c.EquipmentId = q.EquipmentId AND c.At <= q.At
                     ORDER BY c.At DESC, c.TotalGood DESC, c.TotalReject DESC) AS p
        """);

    // Quoted names: PostgreSQL folds unquoted ones to lower case, and EF created the tables with quotes.
    private static IQueryable<TotalsAt> PostgreSql(MesDbContext db, string json) => db.Database.SqlQuery<TotalsAt>($"""
        SELECT q."Position", COALESCE(p."TotalGood", 0) AS "TotalGood", COALESCE(p."TotalReject", 0) AS "TotalReject"
        FROM jsonb_array_elements(CAST({json} AS jsonb)) AS e(question)
        CROSS JOIN LATERAL (SELECT CAST(e.question->>0 AS integer) AS "Position", CAST(e.question->>1 AS uuid) AS "EquipmentId",
                                   CAST(e.question->>2 AS bigint) AS "At") AS q
        LEFT JOIN LATERAL (SELECT c."TotalGood", c."TotalReject" FROM "ProductionCounts" c
                           WHERE c."EquipmentId" = q."EquipmentId" AND c."At" <= q."At"
                           ORDER BY c."At" DESC, c."TotalGood" DESC, c."TotalReject" DESC LIMIT 1) AS p ON TRUE
        """);

    internal sealed class TotalsAt
    {
        public int Position { get; init; }
        public long TotalGood { get; init; }
        public long TotalReject { get; init; }
    }
}
