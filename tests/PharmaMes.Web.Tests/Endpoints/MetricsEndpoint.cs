using System.Net;

namespace PharmaMes.Web.Tests.Endpoints;

/// <summary>/metrics in the Prometheus text format: the ingest's own figures, for an API key; nobody else from afar.</summary>
public class MetricsEndpoint(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task AnApiKeyReadsTheIngestCountersAndAnAnonymousCallerFromAfarIsRefused()
    {
        var machine = factory.NewBrowser();
        machine.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);

        var response = await machine.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE pharmames_ingest_received", text);
        Assert.Contains("pharmames_ingest_queue", text);
        Assert.Contains("pharmames_ingest_journal_unstored", text);
        // The test server gives no client address: not the machine itself.
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.NewBrowser().GetAsync("/metrics")).StatusCode);
    }
}
