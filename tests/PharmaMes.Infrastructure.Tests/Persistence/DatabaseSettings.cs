using Microsoft.Extensions.Configuration;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests.Persistence;

public class DatabaseSettings
{
    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("Postgres")]
    [InlineData("1")]
    [InlineData("InMemory")]
    public void AnUnknownProviderStopsStartUpNamingTheKeyAndTheAllowedValues(string provider)
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.Read(Settings(("Database:Provider", provider), ("ConnectionStrings:Mes", "Data Source=x.db")), "/tmp"));

        Assert.Contains("Database:Provider", ex.Message);
        Assert.Contains($"'{provider}'", ex.Message);
        Assert.Contains("Sqlite, SqlServer", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AMissingConnectionStringStopsStartUpNamingTheKey(string? connectionString)
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.Read(Settings(("Database:Provider", "Sqlite"), ("ConnectionStrings:Mes", connectionString)), "/tmp"));

        Assert.Contains("ConnectionStrings:Mes", ex.Message);
    }

    [Fact]
    public void ARelativeSqliteFileLivesBesideTheAppNotInTheCurrentFolder()
    {
        var appFolder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var options = DatabaseOptions.Read(Settings(("ConnectionStrings:Mes", "Data Source=data/plant.db")), appFolder);

            Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
            Assert.True(options.MigrateOnStartup);
            Assert.Contains(Path.Combine(appFolder, "data", "plant.db"), options.ConnectionString);
            Assert.True(Directory.Exists(Path.Combine(appFolder, "data")));
        }
        finally
        {
            Directory.Delete(appFolder, recursive: true);
        }
    }

    [Fact]
    public void TheProviderNameIgnoresCaseAndSqlServerConnectionStringsAreKeptAsGiven()
    {
        const string cs = "Server=db01;Database=Mes;User Id=mes;Password=secret;TrustServerCertificate=True";
        var options = DatabaseOptions.Read(Settings(("Database:Provider", "sqlserver"), ("ConnectionStrings:Mes", cs), ("Database:MigrateOnStartup", "false")), "/tmp");

        Assert.Equal(DatabaseProvider.SqlServer, options.Provider);
        Assert.False(options.MigrateOnStartup);
        Assert.Equal(cs, options.ConnectionString);
        Assert.DoesNotContain("secret", options.Describe());
    }

    [Fact]
    public void PostgreSqlIsChosenByNameAndDescribedWithoutItsPassword()
    {
        const string cs = "Host=db01;Port=5432;Database=pharmames;Username=mes;Password=secret";
        var options = DatabaseOptions.Read(Settings(("Database:Provider", "PostgreSql"), ("ConnectionStrings:Mes", cs)), "/tmp");

        Assert.Equal(DatabaseProvider.PostgreSql, options.Provider);
        Assert.Equal(cs, options.ConnectionString);
        Assert.Equal("PostgreSQL db01/pharmames", options.Describe());
    }

    [Fact]
    public void AMigrateOnStartupThatIsNotABooleanStopsStartUp()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.Read(Settings(("ConnectionStrings:Mes", "Data Source=x.db"), ("Database:MigrateOnStartup", "yes")), "/tmp"));

        Assert.Contains("Database:MigrateOnStartup", ex.Message);
    }
}
