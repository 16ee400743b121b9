using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Endpoints;

/// <summary>Text with control or text-direction characters is refused by the API before anything is recorded, naming each field.</summary>
public class UnsafeTextApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    private async Task<object> OrderAsync(string externalId, string customerReference) => new
    {
        externalId,
        product = await NewMaterialAsync(_erp, "FinishedGood", "pcs", "FG"),
        quantity = 1000m,
        unit = "pcs",
        dueDate = Today.AddDays(30),
        priority = 3,
        customerReference,
    };

    [Fact]
    public async Task BodyFieldsWithControlOrTextDirectionCharactersAreAProblemNamingEachField()
    {
        var externalId = Unique("SAP-4500");
        var response = await _erp.PostAsJsonAsync("/api/v1/production-orders", await OrderAsync(externalId + "\u202E", "CUST\u0007-77"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await JsonAsync(response);
        var errors = json.RootElement.GetProperty("errors");
        Assert.Contains("U+202E", errors.GetProperty("externalId")[0].GetString());
        Assert.Contains("control character (U+0007)", errors.GetProperty("customerReference")[0].GetString());
        Assert.Equal(2, errors.EnumerateObject().Count());
        using var orders = await JsonAsync(await _erp.GetAsync("/api/v1/production-orders"));
        Assert.DoesNotContain(orders.RootElement.EnumerateArray(), o => o.GetProperty("externalId").GetString()?.StartsWith(externalId, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AQueryReasonWithANulIsRefusedAndAMultiLineReasonIsRecorded()
    {
        var externalId = Unique("SAP-4500");
        Assert.Equal(HttpStatusCode.Created, (await _erp.PostAsJsonAsync("/api/v1/production-orders", await OrderAsync(externalId, "CUST-PO-78"))).StatusCode);

        var refused = await _erp.DeleteAsync($"/api/v1/production-orders/{externalId}?reason={Uri.EscapeDataString("Customer\0 withdrew")}");
        var stillPlanned = await JsonAsync(await _erp.GetAsync($"/api/v1/production-orders?externalId={externalId}"));
        var cancelled = await _erp.DeleteAsync($"/api/v1/production-orders/{externalId}?reason={Uri.EscapeDataString("Customer withdrew the order.\r\n\tSee the mail of 5 December.")}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = await JsonAsync(refused);
        Assert.Contains("control character (U+0000)", problem.RootElement.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal("Planned", stillPlanned.RootElement[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        using var json = await JsonAsync(cancelled);
        Assert.Equal("Cancelled", json.RootElement.GetProperty("status").GetString());
    }
}
