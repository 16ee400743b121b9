using System.Net;
using System.Text.Json;

namespace PharmaMes.Web.Tests.Audit;

/// <summary>The trail is for the people who review it; a machine client may only check that it is intact.</summary>
public class AuditAccess(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private HttpClient Machine()
    {
        var client = factory.NewBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);
        return client;
    }

    [Theory]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/audit/export.csv")]
    [InlineData("/api/v1/audit/verify")]
    public async Task AnonymousCallersGet401AsProblemDetails(string path)
    {
        var response = await factory.NewBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/audit/export.csv")]
    [InlineData("/api/v1/audit/verify")]
    public async Task AnOperatorGets403AsProblemDetailsAndNoEntries(string path)
    {
        var browser = await factory.SignedInAsync("operator");

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("entityType", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMachineClientMayVerifyTheChainButNotReadOrExportTheEntries()
    {
        var client = Machine();

        var verify = await client.GetAsync("/api/v1/audit/verify");
        var list = await client.GetAsync("/api/v1/audit");
        var export = await client.GetAsync("/api/v1/audit/export.csv");

        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Theory]
    [InlineData("qa")]
    [InlineData("supervisor")]
    [InlineData("admin")]
    public async Task QaSupervisorsAndAdministratorsReadTheTrail(string userName)
    {
        var browser = await factory.SignedInAsync(userName);

        var response = await browser.GetAsync("/api/v1/audit?pageSize=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheAuditPageAndItsMenuEntryAreForAuditReadersOnly()
    {
        var qa = await factory.SignedInAsync("qa");
        var operatorBrowser = await factory.SignedInAsync("operator");

        var qaPage = await qa.GetAsync("/audit");
        var operatorPlant = await operatorBrowser.GetStringAsync("/plant");
        var operatorPage = await operatorBrowser.GetAsync("/audit");

        Assert.Equal(HttpStatusCode.OK, qaPage.StatusCode);
        var html = await qaPage.Content.ReadAsStringAsync();
        Assert.Contains("Audit trail", html);
        Assert.Contains("href=\"/audit\"", html);
        Assert.Contains("Quality", html);
        Assert.DoesNotContain("href=\"/audit\"", operatorPlant);
        Assert.Equal(HttpStatusCode.Redirect, operatorPage.StatusCode);
        Assert.StartsWith("/account/access-denied", operatorPage.Headers.Location?.PathAndQuery);
    }
}
