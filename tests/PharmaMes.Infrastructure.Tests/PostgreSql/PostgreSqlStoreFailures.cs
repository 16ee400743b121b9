using Microsoft.EntityFrameworkCore;
using Npgsql;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>Which PostgreSQL failures are the database's (messages wait) and which a message's own (it may go to quarantine).</summary>
public class PostgreSqlStoreFailures
{
    private static PostgresException Postgres(string sqlState) => new("failure", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData("40001")] // serialization failure
    [InlineData("40P01")] // deadlock
    [InlineData("55P03")] // lock not available
    [InlineData("57P01")] // the server is shutting down
    [InlineData("57P03")] // the server is starting, cannot connect now
    [InlineData("53300")] // too many connections
    [InlineData("53100")] // disk full
    [InlineData("08006")] // connection failure
    [InlineData("25006")] // read-only: a standby not yet promoted
    public void AFailureOfTheServerOrTheMomentIsTheDatabases(string sqlState)
    {
        // As the ingest sees it: wrapped by EF.
        var failure = new DbUpdateException("An error occurred while saving the entity changes.", Postgres(sqlState));

        Assert.True(StoreFailure.IsDatabaseUnavailable(failure));
    }

    [Fact]
    public void ALostConnectionIsTheDatabases() =>
        Assert.True(StoreFailure.IsDatabaseUnavailable(new NpgsqlException("Exception while reading from stream", new IOException("Connection reset"))));

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("23503")] // foreign key violation
    [InlineData("22001")] // value too long
    [InlineData("P0001")] // raised by a trigger (the append-only audit entries)
    public void AFailureOfTheRowIsTheMessages(string sqlState) =>
        Assert.False(StoreFailure.IsDatabaseUnavailable(new DbUpdateException("saving failed", Postgres(sqlState))));
}
