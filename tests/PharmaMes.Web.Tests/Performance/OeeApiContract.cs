using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PharmaMes.Web.Tests.Performance;

/// <summary>The OEE endpoints over the demo plant: the field names ERPs and dashboards read, and clear refusals.</summary>
public class OeeApiContract(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task EquipmentOeeAnswersWithTheNamedFieldsAndItsShifts()
    {
        var planner = await factory.SignedInAsync("planner");

        var oee = await planner.GetFromJsonAsync<JsonElement>("/api/v1/equipment/TP-01/oee");

        foreach (var field in new[] { "availability", "performance", "quality", "oee", "plannedSeconds", "runSeconds", "downSeconds", "totalCount",
                     "goodCount", "rejectCount", "idealRatePerMinute", "losses", "mtbfSeconds", "mttrSeconds", "periods" })
            Assert.True(oee.TryGetProperty(field, out _), $"missing {field}");
        Assert.Equal("TP-01", oee.GetProperty("code").GetString());
        // The press's rated 4,000 a minute, or the 3,600 of the demo's large paracetamol tablets while a batch of them ran.
        Assert.InRange(oee.GetProperty("idealRatePerMinute").GetDouble(), 3_600, 4_000);
        // The demo tablet line works three shifts a day: the last 24 hours hold planned time, split by shift.
        Assert.True(oee.GetProperty("plannedSeconds").GetDouble() > 0);
        Assert.All(oee.GetProperty("periods").EnumerateArray(), p => Assert.Contains(p.GetProperty("name").GetString(), new[] { "Early", "Late", "Night" }));
        var availability = oee.GetProperty("availability").GetDouble();
        Assert.InRange(availability, 0, 1);
    }

    [Fact]
    public async Task LineOeeIsSplitByHourOnRequest()
    {
        var planner = await factory.SignedInAsync("planner");
        var to = DateTimeOffset.UtcNow;

        var oee = await planner.GetFromJsonAsync<JsonElement>($"/api/v1/lines/OSD-L1/oee?from={Uri.EscapeDataString(to.AddHours(-3).ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&by=hour");

        Assert.Equal("OSD-L1", oee.GetProperty("code").GetString());
        Assert.All(oee.GetProperty("periods").EnumerateArray(), p => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:00$", p.GetProperty("name").GetString()));
        Assert.InRange(oee.GetProperty("periods").GetArrayLength(), 3, 4);
    }

    [Fact]
    public async Task SiteOeeAddsUpItsLinesEquipment()
    {
        var planner = await factory.SignedInAsync("planner");
        var to = DateTimeOffset.UtcNow;
        var range = $"from={Uri.EscapeDataString(to.AddHours(-3).ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var site = await planner.GetFromJsonAsync<JsonElement>($"/api/v1/sites/PLANT1/oee?{range}");
        var lines = new List<JsonElement>();
        foreach (var line in new[] { "OSD-L1", "BIO-L1", "FILL-L1" })
            lines.Add(await planner.GetFromJsonAsync<JsonElement>($"/api/v1/lines/{line}/oee?{range}"));

        Assert.Equal("PLANT1", site.GetProperty("code").GetString());
        // Planned and run time, counts: the sum of its lines'.
        Assert.Equal(lines.Sum(l => l.GetProperty("plannedSeconds").GetDouble()), site.GetProperty("plannedSeconds").GetDouble(), 3);
        Assert.Equal(lines.Sum(l => l.GetProperty("runSeconds").GetDouble()), site.GetProperty("runSeconds").GetDouble(), 3);
        Assert.Equal(lines.Sum(l => l.GetProperty("totalCount").GetInt64()), site.GetProperty("totalCount").GetInt64());
    }

    [Theory]
    [InlineData("/api/v1/sites/NO-SUCH/oee", HttpStatusCode.NotFound, null)]
    [InlineData("/api/v1/equipment/TP-01/oee?by=week", HttpStatusCode.BadRequest, "by")]
    [InlineData("/api/v1/equipment/TP-01/oee?from=2026-12-05T10:00:00Z&to=2026-12-05T09:00:00Z", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/v1/equipment/TP-01/oee?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/v1/equipment/NO-SUCH/oee", HttpStatusCode.NotFound, null)]
    [InlineData("/api/v1/lines/NO-SUCH/oee", HttpStatusCode.NotFound, null)]
    public async Task ABadRequestIsRefusedWithProblemDetails(string url, HttpStatusCode status, string? field)
    {
        var planner = await factory.SignedInAsync("planner");

        var response = await planner.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
