using Microsoft.EntityFrameworkCore;
using Npgsql;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;

namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>The audit trail on PostgreSQL: append-only in the database, and one unbroken chain under concurrent writers.</summary>
[Collection(PostgreSqlCollection.Name)]
public class PostgreSqlAuditTrail(PostgreSqlFixture postgres)
{
    private const string Refusal = "Audit entries are append-only: they cannot be changed or deleted.";

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"NewValue\" = 'Released' WHERE \"Sequence\" = 3")]
    [InlineData("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3")]
    [InlineData("TRUNCATE \"AuditEntries\"")]
    public async Task TheDatabaseRefusesToChangeOrDeleteAnEntry(string sql)
    {
        var settings = await postgres.NewDatabaseAsync();
        await using var host = await MesTestHost.StartAsync(demo: true, settings: settings);
        Assert.True(await EntriesAsync(host) >= 3);

        await using var connection = new NpgsqlConnection(settings["ConnectionStrings:Mes"]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(Refusal, refused.MessageText);
        Assert.True((await host.Get<AuditTrailService>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task ConcurrentAuditedWritesLeaveOneChainThatVerifies()
    {
        await using var host = await MesTestHost.StartAsync(demo: false, settings: await postgres.NewDatabaseAsync());
        const int writers = 8, savesEach = 6;
        var before = await EntriesAsync(host);

        // Each save appends to the chain under the head lock; without it two writers would take the
        // same sequence (a key violation) or link to the same predecessor (a fork that fails verification).
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            await start.WaitAsync();
            for (var save = 0; save < savesEach; save++)
            {
                await using var db = host.NewContext(AuditActor.System("test", $"Writer {writer}"));
                db.Sites.Add(new Site(new PlantCode($"S{writer}-{save}"), $"Site {writer}.{save}"));
                await db.SaveChangesAsync();
            }
        })).ToList();
        start.Release(writers);
        await Task.WhenAll(tasks);

        var verification = await host.Get<AuditTrailService>().VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        await using var read = host.NewContext();
        var sequences = await read.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync();
        Assert.True(sequences.Count >= before + writers * savesEach, $"{sequences.Count} entries");
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(s => (long)s), sequences);
        Assert.Equal(sequences.Count, verification.Checked);
        Assert.Equal(writers * savesEach, await read.Sites.CountAsync());
    }

    private static async Task<int> EntriesAsync(MesTestHost host)
    {
        await using var db = host.NewContext();
        return await db.AuditEntries.CountAsync();
    }
}
