namespace PharmaMes.Web.Tests.Security;

public class StartupSettings
{
    private sealed class FactoryWith(string key, string value) : MesWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { [key] = value };
    }

    private sealed class ProductionFactory : MesWebFactory
    {
        protected override string Environment => "Production";
    }

    [Fact]
    public async Task InProductionNothingOfTheDemoExists()
    {
        using var factory = new ProductionFactory();
        var browser = factory.NewBrowser();

        var demoKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plant") { Headers = { { "X-Api-Key", "pmes_demo_erp_0123456789abcdefghijklmnopqrstuv" } } };
        var withDemoKey = await browser.SendAsync(demoKey);
        var demoUser = await MesWebFactory.PostLoginAsync(browser, "admin", "PharmaMes-Demo-2026");
        var health = await browser.GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, withDemoKey.StatusCode);
        Assert.Contains("not correct", await demoUser.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
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
