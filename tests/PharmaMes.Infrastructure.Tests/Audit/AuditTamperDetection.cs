using Microsoft.Data.Sqlite;
using PharmaMes.Infrastructure.Audit;

namespace PharmaMes.Infrastructure.Tests.Audit;

/// <summary>The trail is append-only in the database, and any edit made around that shows in verification.</summary>
public class AuditTamperDetection
{
    [Theory]
    [InlineData("UPDATE AuditEntries SET NewValue = 'Released' WHERE Sequence = 3", "cannot be changed")]
    [InlineData("DELETE FROM AuditEntries WHERE Sequence = 3", "cannot be deleted")]
    public async Task TheDatabaseRefusesToChangeOrDeleteAnEntry(string sql, string message)
    {
        await using var host = await MesTestHost.StartAsync();

        var refused = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(host, sql));

        Assert.Contains(message, refused.Message);
        Assert.True((await host.Get<AuditTrailService>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task AnEditedEntryIsNamedByVerification()
    {
        await using var host = await MesTestHost.StartAsync();
        Assert.True((await host.Get<AuditTrailService>().VerifyAsync()).Valid);

        await ExecuteAsync(host, "DROP TRIGGER AuditEntries_RefuseUpdate; UPDATE AuditEntries SET UserName = 'someone else' WHERE Sequence = 7");
        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(7, verification.FirstBrokenSequence);
        Assert.Contains("Entry 7 was changed", verification.Problem);
    }

    [Fact]
    public async Task AnEntryRecomputedToHideAnEditBreaksTheLinkOfTheNext()
    {
        await using var host = await MesTestHost.StartAsync();
        // Rewriting the hash as well is not enough: the next entry still points at the old one.
        await ExecuteAsync(host, "DROP TRIGGER AuditEntries_RefuseUpdate; UPDATE AuditEntries SET Hash = '" + new string('a', 64) + "' WHERE Sequence = 5");

        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(5, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task ARemovedEntryIsNamedByVerification()
    {
        await using var host = await MesTestHost.StartAsync();

        await ExecuteAsync(host, "DROP TRIGGER AuditEntries_RefuseDelete; DELETE FROM AuditEntries WHERE Sequence = 4");
        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(4, verification.FirstBrokenSequence);
        Assert.Contains("missing", verification.Problem);
    }

    [Fact]
    public async Task EntriesRemovedFromTheEndAreFoundThroughTheChainHead()
    {
        await using var host = await MesTestHost.StartAsync();
        var last = (await host.Get<AuditTrailService>().VerifyAsync()).LastSequence;

        await ExecuteAsync(host, $"DROP TRIGGER AuditEntries_RefuseDelete; DELETE FROM AuditEntries WHERE Sequence >= {last - 1}");
        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(last - 1, verification.FirstBrokenSequence);
        Assert.Contains("missing from the end", verification.Problem);
    }

    private static async Task ExecuteAsync(MesTestHost host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.Folder, "mes.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
