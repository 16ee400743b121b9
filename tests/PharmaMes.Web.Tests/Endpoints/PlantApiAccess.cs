using System.Net;
using System.Text.Json;

namespace PharmaMes.Web.Tests.Endpoints;

public class PlantApiAccess(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private HttpClient Machine(string? key)
    {
        var client = factory.NewBrowser();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task WithoutAKeyOrSessionTheApiAnswers401AsProblemDetailsAndNoData()
    {
        var response = await Machine(null).GetAsync("/api/v1/plant");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("PLANT1", body);
        Assert.Equal(401, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AWrongKeyIsRefused()
    {
        var response = await Machine("pmes_not_a_real_key_0000000000000000000000000").GetAsync("/api/v1/plant");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("PLANT1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AValidKeyReadsThePlant()
    {
        var response = await Machine(MesWebFactory.ApiKey).GetAsync("/api/v1/plant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var site = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("PLANT1", site.GetProperty("siteCode").GetString());
    }

    [Fact]
    public async Task UnknownEquipmentIsA404ProblemNamingTheCode()
    {
        var response = await Machine(MesWebFactory.ApiKey).GetAsync("/api/v1/equipment/NOPE-99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NOPE-99", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task KnownEquipmentIsFoundByItsCodeInAnyCase()
    {
        var response = await Machine(MesWebFactory.ApiKey).GetAsync("/api/v1/equipment/br-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("BR-01", json.RootElement.GetProperty("code").GetString());
        Assert.Equal("Bioreactor", json.RootElement.GetProperty("class").GetString());
    }

    [Fact]
    public async Task ASignedInPersonReadsTheApiWithTheCookie()
    {
        var browser = await factory.SignedInAsync("planner");

        var response = await browser.GetAsync("/api/v1/plant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheEquipmentListGivesEachEquipmentsPlaceTopicAndState()
    {
        var response = await Machine(MesWebFactory.ApiKey).GetAsync("/api/v1/equipment");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var press = json.RootElement.EnumerateArray().Single(e => e.GetProperty("code").GetString() == "TP-01");
        Assert.Equal("mes/PLANT1/OSD/OSD-L1/TP-01", press.GetProperty("topic").GetString());
        Assert.Equal("OSD-L1", press.GetProperty("line").GetString());
        Assert.Equal("Running", press.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Object, press.GetProperty("values").ValueKind);
        Assert.Equal(10, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task OneEquipmentComesWithItsTagsAndLimits()
    {
        using var json = JsonDocument.Parse(await Machine(MesWebFactory.ApiKey).GetStringAsync("/api/v1/equipment/BR-01"));

        var temperature = json.RootElement.GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "temperature");
        Assert.Equal("°C", temperature.GetProperty("unit").GetString());
        Assert.Equal(36.5, temperature.GetProperty("alarmLow").GetDouble());
        Assert.Equal(37.5, temperature.GetProperty("alarmHigh").GetDouble());
    }

    [Fact]
    public async Task ATelemetryRequestWithoutATagOrWithABackwardRangeListsEveryProblem()
    {
        var response = await Machine(MesWebFactory.ApiKey).GetAsync("/api/v1/equipment/TP-01/telemetry?from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z&maxPoints=3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("tag", out _));
        Assert.True(errors.TryGetProperty("to", out _));
        Assert.True(errors.TryGetProperty("maxPoints", out _));
    }

    [Theory]
    [InlineData("to=0001-01-01T00:00:00Z", "to")]
    [InlineData("from=0001-01-01T00:00:00Z&to=0001-01-01T00:30:00Z", "from")]
    [InlineData("from=9999-12-31T23:00:00Z", "from")]
    [InlineData("to=9999-12-31T23:59:59Z", "to")]
    public async Task TelemetryAtTheEndsOfTheCalendarIsAValidationProblemNotAServerError(string range, string field)
    {
        var response = await Machine(MesWebFactory.ApiKey).GetAsync($"/api/v1/equipment/TP-01/telemetry?tag=speed&{range}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("A time between 2000-01-01", json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task TelemetryOfAnUnknownTagIsA404()
    {
        var response = await Machine(MesWebFactory.ApiKey).GetAsync("/api/v1/equipment/TP-01/telemetry?tag=colour");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("colour", await response.Content.ReadAsStringAsync());
    }
}
