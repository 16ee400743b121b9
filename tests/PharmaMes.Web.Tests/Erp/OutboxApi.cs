using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

public class OutboxApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    [Fact]
    public async Task AReceiptOverTheApiIsReportedAsALotStatusMessageAndDeliveredAsAFile()
    {
        var material = await NewMaterialAsync(_erp, "RawMaterial", "kg", "OBX");
        var lot = Unique("L");
        var receipt = await _erp.PostAsJsonAsync("/api/v1/lots/receipts",
            new { material, lotNumber = lot, quantity = 40m, unit = "kg", expiryDate = Today.AddYears(1), supplierLot = "S-1" });
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);

        // The test app delivers to a folder: the message is written at once and delivered within moments.
        JsonElement message = default;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            using var json = await JsonAsync(await _erp.GetAsync("/api/v1/erp/outbox?limit=500"));
            message = json.RootElement.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("aggregate").GetString() == $"Lot:{lot}").Clone();
            if (message.GetProperty("status").GetString() == "delivered")
                break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < until);

        Assert.Equal(("LotStatusChanged", "delivered", 1), (message.GetProperty("type").GetString(), message.GetProperty("status").GetString(), message.GetProperty("attempts").GetInt32()));
        var data = message.GetProperty("data");
        Assert.Equal((lot, material, "Quarantine"), (data.GetProperty("lot").GetString(), data.GetProperty("material").GetString(), data.GetProperty("status").GetString()));
        var id = Guid.Parse(message.GetProperty("messageId").GetString()!);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(factory.Folder, "erp-outbox"), $"*-{id:N}.json"));
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal(lot, written.RootElement.GetProperty("data").GetProperty("lot").GetString());
    }

    [Fact]
    public async Task BadQueryValuesAreEachNamedInOneProblem()
    {
        var response = await _erp.GetAsync("/api/v1/erp/outbox?status=lost&limit=0&before=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await JsonAsync(response);
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(["before", "limit", "status"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task ReplayingAMessageThatDoesNotExistIsNotFound()
    {
        var response = await _erp.PostAsync("/api/v1/erp/outbox/999999999/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAKeyTheOutboxIsNotShown()
    {
        var response = await factory.NewBrowser().GetAsync("/api/v1/erp/outbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
