using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Web.Components.Pages.Materials;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

/// <summary>A material's master data gets the same rules on the materials page as from the ERP's API.</summary>
public class MaterialMasterValidation(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    [Fact]
    public async Task ThePageRefusesWhatTheApiRefusesWithTheSameMessages()
    {
        var code = Unique("API");
        var form = new MaterialForm { Code = code, Name = "", Unit = "k g", ReorderPoint = 5m, SafetyStock = 10m, StorageCondition = new string('C', 201), Reason = "New supplier" };

        using var scope = factory.Services.CreateScope();
        var page = await scope.ServiceProvider.GetRequiredService<IValidator<MaterialForm>>().ValidateAsync(form);
        var response = await _erp.PutAsJsonAsync($"/api/v1/materials/{code}",
            new { form.Name, type = "RawMaterial", form.Unit, form.ReorderPoint, form.SafetyStock, form.StorageCondition }, JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        var api = problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
        var onPage = page.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        Assert.Equal(["name", "safetyStock", "storageCondition", "unit"], onPage.Keys.Order());
        Assert.Equal(onPage, api);
    }
}
