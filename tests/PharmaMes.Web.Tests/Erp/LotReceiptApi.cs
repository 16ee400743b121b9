using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

public class LotReceiptApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    private static object Receipt(string material, string lot, decimal quantity = 250m, string unit = "kg") =>
        new { material, lotNumber = lot, quantity, unit, expiryDate = Today.AddYears(2), supplierLot = "SUP-8812" };

    [Fact]
    public async Task AReceiptMakesAQuarantineLotWithItsReceiptOnTheLedger()
    {
        var material = await NewMaterialAsync(_erp, "RawMaterial", "kg", "API");
        var lot = Unique("L");

        var response = await _erp.PostAsJsonAsync("/api/v1/lots/receipts", Receipt(material, lot.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/lots/{lot}", response.Headers.Location?.OriginalString);
        using var json = await JsonAsync(await _erp.GetAsync(response.Headers.Location));
        var found = json.RootElement;
        Assert.Equal((lot, material, "Quarantine", "SUP-8812", 250m, "kg"),
            (found.GetProperty("number").GetString(), found.GetProperty("material").GetString(), found.GetProperty("status").GetString(),
                found.GetProperty("supplierLot").GetString(), found.GetProperty("onHand").GetDecimal(), found.GetProperty("unit").GetString()));
        Assert.Equal(Today.AddYears(2).ToString("yyyy-MM-dd"), found.GetProperty("expiryDate").GetString());
        var movement = Assert.Single(found.GetProperty("movements").EnumerateArray());
        Assert.Equal(("Receipt", 250m, "kg"), (movement.GetProperty("movement").GetString(), movement.GetProperty("change").GetDecimal(), movement.GetProperty("unit").GetString()));
        Assert.StartsWith("api:", movement.GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task TheLotAndItsReceiptAreInTheAuditTrailUnderTheKeysName()
    {
        var material = await NewMaterialAsync(_erp, "RawMaterial", "kg", "API");
        var lot = Unique("L");
        Assert.Equal(HttpStatusCode.Created, (await _erp.PostAsJsonAsync("/api/v1/lots/receipts", Receipt(material, lot))).StatusCode);
        var qa = await factory.SignedInAsync("qa");

        using var json = await JsonAsync(await qa.GetAsync($"/api/v1/audit?entityType=MaterialLot&record={lot}"));

        var created = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal("Created", created.GetProperty("action").GetString());
        Assert.StartsWith("api:", created.GetProperty("user").GetString());
    }

    [Fact]
    public async Task TheReceivedLotShowsInTheMaterialsInventoryAsQuarantineStock()
    {
        var material = await NewMaterialAsync(_erp, "RawMaterial", "kg", "API");
        var lot = Unique("L");
        Assert.Equal(HttpStatusCode.Created, (await _erp.PostAsJsonAsync("/api/v1/lots/receipts", Receipt(material, lot, 40m))).StatusCode);

        using var json = await JsonAsync(await _erp.GetAsync($"/api/v1/inventory/{material}"));

        var inventory = json.RootElement;
        Assert.Equal((material, "RawMaterial", "kg", 100m, 20m, true),
            (inventory.GetProperty("code").GetString(), inventory.GetProperty("type").GetString(), inventory.GetProperty("unit").GetString(),
                inventory.GetProperty("reorderPoint").GetDecimal(), inventory.GetProperty("safetyStock").GetDecimal(), inventory.GetProperty("belowReorderPoint").GetBoolean()));
        var onHand = inventory.GetProperty("onHand");
        Assert.Equal((0m, 40m, 0m, 0m), (onHand.GetProperty("released").GetDecimal(), onHand.GetProperty("quarantine").GetDecimal(),
            onHand.GetProperty("rejected").GetDecimal(), onHand.GetProperty("expired").GetDecimal()));
        var listed = Assert.Single(inventory.GetProperty("lots").EnumerateArray());
        Assert.Equal((lot, "Quarantine", 40m), (listed.GetProperty("number").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("onHand").GetDecimal()));

        using var all = await JsonAsync(await _erp.GetAsync("/api/v1/inventory"));
        var row = all.RootElement.EnumerateArray().Single(m => m.GetProperty("code").GetString() == material);
        Assert.Equal(40m, row.GetProperty("onHand").GetProperty("quarantine").GetDecimal());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("lots").ValueKind);
    }

    [Fact]
    public async Task ASecondReceiptUnderTheSameLotNumberIsAConflictAndRecordsNothing()
    {
        var material = await NewMaterialAsync(_erp, "RawMaterial", "kg", "API");
        var lot = Unique("L");
        Assert.Equal(HttpStatusCode.Created, (await _erp.PostAsJsonAsync("/api/v1/lots/receipts", Receipt(material, lot))).StatusCode);

        var response = await _erp.PostAsJsonAsync("/api/v1/lots/receipts", Receipt(material, lot));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await JsonAsync(await _erp.GetAsync($"/api/v1/lots/{lot}"));
        Assert.Equal(250m, json.RootElement.GetProperty("onHand").GetDecimal());
        Assert.Single(json.RootElement.GetProperty("movements").EnumerateArray());
    }

    [Fact]
    public async Task AReceiptInAnotherUnitOrOfAnUnknownMaterialIsRefusedAndSavesNothing()
    {
        var material = await NewMaterialAsync(_erp, "RawMaterial", "kg", "API");
        var lot = Unique("L");

        var wrongUnit = await _erp.PostAsJsonAsync("/api/v1/lots/receipts", Receipt(material, lot, unit: "g"));
        var unknown = await _erp.PostAsJsonAsync("/api/v1/lots/receipts", Receipt("NO-SUCH-MATERIAL", lot));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (wrongUnit.StatusCode, unknown.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await _erp.GetAsync($"/api/v1/lots/{lot}")).StatusCode);
    }

    [Fact]
    public async Task AnInvalidReceiptNamesEveryBadField()
    {
        var response = await _erp.PostAsJsonAsync("/api/v1/lots/receipts",
            new { material = "", lotNumber = "no spaces allowed", quantity = -3m, unit = "k g", expiryDate = Today.AddDays(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Equal(["expiryDate", "lotNumber", "material", "quantity", "unit"],
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task UnknownLotsAndMaterialsAre404()
    {
        var lot = await _erp.GetAsync("/api/v1/lots/NO-SUCH-LOT");
        var inventory = await _erp.GetAsync("/api/v1/inventory/NO-SUCH-MATERIAL");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (lot.StatusCode, inventory.StatusCode));
        Assert.Equal("application/problem+json", lot.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/problem+json", inventory.Content.Headers.ContentType?.MediaType);
    }
}
