namespace PharmaMes.Web.Tests.Security;

public class StartupSettings
{
    private sealed class FactoryWith(string key, string value) : MesWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { [key] = value };
    }

    [Fact]
    public void AnUnknownDatabaseProviderStopsStartUpNamingTheKey()
    {
        using var factory = new FactoryWith("Database:Provider", "Oracle");

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = ex.GetBaseException().Message;
        Assert.Contains("Database:Provider", message);
        Assert.Contains("Sqlite, SqlServer", message);
    }

    [Fact]
    public void AShortDemoPasswordStopsStartUp()
    {
        using var factory = new FactoryWith("Demo:Password", "short");

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Demo:Password", ex.GetBaseException().Message);
    }
}
