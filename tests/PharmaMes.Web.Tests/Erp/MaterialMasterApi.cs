using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

public class MaterialMasterApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    [Fact]
    public async Task APutCreatesTheMaterialThenUpdatesIt()
    {
        var code = Unique("API");

        var created = await _erp.PutAsJsonAsync($"/api/v1/materials/{code.ToLowerInvariant()}",
            new { name = "Ibuprofen", type = "RawMaterial", unit = "kg", reorderPoint = 50m, safetyStock = 10m });
        var updated = await _erp.PutAsJsonAsync($"/api/v1/materials/{code}",
            new { name = "Ibuprofen Ph. Eur.", type = "rawmaterial", unit = "g", reorderPoint = 50000m, safetyStock = 10000m });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, updated.StatusCode));
        Assert.Equal($"/api/v1/materials/{code}", created.Headers.Location?.OriginalString);
        using var json = await JsonAsync(await _erp.GetAsync($"/api/v1/materials/{code}"));
        var material = json.RootElement;
        Assert.Equal((code, "Ibuprofen Ph. Eur.", "RawMaterial", "g", 50000m, 10000m),
            (material.GetProperty("code").GetString(), material.GetProperty("name").GetString(), material.GetProperty("type").GetString(),
                material.GetProperty("unit").GetString(), material.GetProperty("reorderPoint").GetDecimal(), material.GetProperty("safetyStock").GetDecimal()));
    }

    [Fact]
    public async Task TheUnitOfAMaterialWithLotsCannotChange()
    {
        var code = await NewMaterialAsync(_erp, "Excipient", "kg");
        Assert.Equal(HttpStatusCode.Created, (await _erp.PostAsJsonAsync("/api/v1/lots/receipts",
            new { material = code, lotNumber = Unique("L"), quantity = 25m, unit = "kg", expiryDate = Today.AddYears(2) })).StatusCode);

        var response = await _erp.PutAsJsonAsync($"/api/v1/materials/{code}",
            new { name = "Renamed", type = "Excipient", unit = "g", reorderPoint = 100m, safetyStock = 20m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await JsonAsync(response);
        Assert.Equal($"The unit of {code} cannot change from kg to g: it has lots counted in kg.", problem.RootElement.GetProperty("detail").GetString());
        using var json = await JsonAsync(await _erp.GetAsync($"/api/v1/materials/{code}"));
        Assert.Equal(("kg", $"Test Excipient {code}"), (json.RootElement.GetProperty("unit").GetString(), json.RootElement.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task AnInvalidMaterialNamesEveryBadField()
    {
        var response = await _erp.PutAsJsonAsync("/api/v1/materials/bad code!",
            new { name = "", type = "Powder", unit = "", reorderPoint = -1m, safetyStock = 5m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Equal(["code", "name", "reorderPoint", "type", "unit"],
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task ShelfLifeAndStorageConditionAreOptionalAndKeptWhenGiven()
    {
        var code = Unique("API");

        var without = await _erp.PutAsJsonAsync($"/api/v1/materials/{code}",
            new { name = "Ibuprofen", type = "RawMaterial", unit = "kg", reorderPoint = 50m, safetyStock = 10m });
        using var first = await JsonAsync(without);
        var with = await _erp.PutAsJsonAsync($"/api/v1/materials/{code}",
            new { name = "Ibuprofen", type = "RawMaterial", unit = "kg", reorderPoint = 50m, safetyStock = 10m, shelfLifeDays = 1095, storageCondition = "15–25 °C, dry" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (without.StatusCode, with.StatusCode));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null),
            (first.RootElement.GetProperty("shelfLifeDays").ValueKind, first.RootElement.GetProperty("storageCondition").ValueKind));
        using var json = await JsonAsync(await _erp.GetAsync($"/api/v1/materials/{code}"));
        Assert.Equal((1095, "15–25 °C, dry"), (json.RootElement.GetProperty("shelfLifeDays").GetInt32(), json.RootElement.GetProperty("storageCondition").GetString()));
    }

    [Fact]
    public async Task AShelfLifeOfNoDaysAndAnOverlongStorageConditionAreRefused()
    {
        var response = await _erp.PutAsJsonAsync($"/api/v1/materials/{Unique("API")}",
            new { name = "Ibuprofen", type = "RawMaterial", unit = "kg", reorderPoint = 50m, safetyStock = 10m, shelfLifeDays = 0, storageCondition = new string('x', 121) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Equal(["shelfLifeDays", "storageCondition"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task AnUnknownMaterialIs404()
    {
        var response = await _erp.GetAsync("/api/v1/materials/NO-SUCH-MATERIAL");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
