using System.Net;
using System.Text.Json;

namespace PharmaMes.Web.Tests.Endpoints;

public class ApiDescription(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheEquipmentApiForAKeyHolder()
    {
        var client = factory.NewBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("PharmaMes API", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/equipment/{code}/telemetry", out _));
        Assert.True(paths.TryGetProperty("/api/v1/ingest/quarantine", out _));
    }

    [Fact]
    public async Task WithoutAKeyTheDocumentIsRefused()
    {
        var response = await factory.NewBrowser().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheBrowsableReferenceLoadsItsScriptFromTheAppNotACdn()
    {
        var browser = await factory.SignedInAsync("planner");

        var page = await browser.GetStringAsync("/scalar/");
        var script = await browser.GetAsync("/scalar/scalar.js");

        Assert.Contains("<script src=\"scalar.js\"></script>", page);
        Assert.DoesNotContain("cdn.", page);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
