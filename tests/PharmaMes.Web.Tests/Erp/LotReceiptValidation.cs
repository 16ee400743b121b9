using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Web.Components.Pages.Inventory;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

/// <summary>A goods receipt is checked by one rule set: the API's filter and the receiving page resolve it from the same registrations.</summary>
public class LotReceiptValidation(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    [Fact]
    public async Task ARefusedBodyIsAValidationProblemNamingEachJsonFieldAndTheReceiptIsNotRecorded()
    {
        var material = await NewMaterialAsync(_erp, "RawMaterial", "kg", "API");
        var lot = Unique("L");

        var response = await _erp.PostAsJsonAsync("/api/v1/lots/receipts",
            new { material, lotNumber = lot, quantity = 0m, unit = "kg", expiryDate = Today.AddYears(2), supplierLot = new string('S', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await JsonAsync(response);
        var root = problem.RootElement;
        Assert.Equal((400, "The lot receipt is not valid"), (root.GetProperty("status").GetInt32(), root.GetProperty("title").GetString()));
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", root.GetProperty("type").GetString());
        var errors = root.GetProperty("errors");
        Assert.Equal(["quantity", "supplierLot"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("The quantity must be more than zero.", errors.GetProperty("quantity")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _erp.GetAsync($"/api/v1/lots/{lot}")).StatusCode);
    }

    [Fact]
    public async Task ThePageRefusesWhatTheApiRefusesWithTheSameMessages()
    {
        var material = await NewMaterialAsync(_erp, "RawMaterial", "kg", "API");
        var yesterday = Today.AddDays(-1);
        var form = new ReceiveLotForm { LotNumber = "no spaces allowed", Quantity = -3m, ExpiryDate = yesterday, SupplierLot = "SUP-1" };

        using var scope = factory.Services.CreateScope();
        var page = await scope.ServiceProvider.GetRequiredService<IValidator<ReceiveLotForm>>().ValidateAsync(form);
        var response = await _erp.PostAsJsonAsync("/api/v1/lots/receipts",
            new { material, form.LotNumber, form.Quantity, unit = "kg", form.ExpiryDate, form.SupplierLot }, JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        var api = problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
        var onPage = page.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        Assert.Equal(["expiryDate", "lotNumber", "quantity"], onPage.Keys.Order());
        Assert.Equal(onPage, api);
    }
}
