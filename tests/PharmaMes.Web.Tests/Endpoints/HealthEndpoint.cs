using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Web.Tests.Endpoints;

public class HealthEndpoint(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task AnswersWithoutSignInAndReportsTheDatabaseAndTheIngest()
    {
        var browser = factory.NewBrowser();
        // The ingest client connects to the embedded broker in the background.
        var metrics = factory.Services.GetRequiredService<IngestMetrics>();
        for (var waited = 0; !metrics.BrokerConnected && waited < 100; waited++)
            await Task.Delay(100);

        var response = await browser.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal("Sqlite", database.GetProperty("data").GetProperty("provider").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("ingest").GetProperty("status").GetString());
    }

    [Fact]
    public async Task LivenessAsksNothingAndReadinessAsksWhatTheNodeNeedsToWork()
    {
        var browser = factory.NewBrowser();

        var live = await browser.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using (var json = JsonDocument.Parse(await live.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            Assert.Empty(json.RootElement.GetProperty("checks").EnumerateObject());
        }

        var ready = await browser.GetAsync("/health/ready");
        using var readiness = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = readiness.RootElement.GetProperty("checks");
        Assert.Equal(["database", "ingest", "jobs", "outbox"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("outbox").GetProperty("status").GetString());
        Assert.True(checks.GetProperty("ingest").GetProperty("data").TryGetProperty("journaledNotStored", out _), "the ingest reports its journal");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>An external broker that is not there: nothing a device sends reaches the database.</summary>
    private sealed class NoBrokerFactory : MesWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Mqtt:Broker:Mode"] = "External",
            ["Mqtt:Broker:Host"] = "127.0.0.1",
            ["Mqtt:Broker:Port"] = FreePort.Next().ToString(),
        };
    }

    [Fact]
    public async Task IsDegradedAndSaysWhyWhileTheIngestHasNoBroker()
    {
        await using var noBroker = new NoBrokerFactory();

        var response = await noBroker.NewBrowser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        var ingest = json.RootElement.GetProperty("checks").GetProperty("ingest");
        Assert.Equal("Degraded", ingest.GetProperty("status").GetString());
        Assert.StartsWith("Ingest is not connected to the broker 127.0.0.1:", ingest.GetProperty("description").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReadinessIsDegradedWhileTheIngestHasNoBroker()
    {
        await using var noBroker = new NoBrokerFactory();

        var response = await noBroker.NewBrowser().GetAsync("/health/ready");

        // Degraded still serves (200): the node answers people; the devices' data waits at the broker.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        var ingest = json.RootElement.GetProperty("checks").GetProperty("ingest");
        Assert.Equal("Degraded", ingest.GetProperty("status").GetString());
        Assert.False(ingest.GetProperty("data").GetProperty("brokerConnected").GetBoolean());
    }

    [Fact]
    public void TheTestSettingsOverrideTheTopLevelDefaults()
    {
        // The database file is the one this test class chose, not the default under data/.
        Assert.NotNull(factory.Services);
        Assert.True(File.Exists(Path.Combine(factory.Folder, "mes.db")));
    }
}
