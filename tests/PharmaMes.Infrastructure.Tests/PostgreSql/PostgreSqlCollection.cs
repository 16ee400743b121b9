namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>The tests that run on PostgreSQL share one server (a fresh database each): starting one takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
