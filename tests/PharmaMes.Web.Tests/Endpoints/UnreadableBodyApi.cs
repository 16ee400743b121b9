using System.Net;
using System.Text;
using System.Text.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Endpoints;

/// <summary>A body the API cannot read is a problem that names the field and what was expected there.</summary>
public class UnreadableBodyApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    private async Task<JsonElement> ErrorsOfAsync(string body)
    {
        var response = await _erp.PostAsync("/api/v1/production-orders", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await JsonAsync(response);
        Assert.Equal("The request could not be read", json.RootElement.GetProperty("title").GetString());
        return json.RootElement.GetProperty("errors").Clone();
    }

    [Fact]
    public async Task ADateTimeInADateFieldNamesTheFieldAndTheExpectedForm()
    {
        var errors = await ErrorsOfAsync("""{"externalId":"SAP-1","product":"FG-X","quantity":10,"unit":"pcs","dueDate":"2026-12-15T10:00:00Z","priority":3}""");

        Assert.Equal("expected a date like 2026-12-05", Assert.Single(errors.GetProperty("$.dueDate").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task TextInANumberFieldSaysANumberWasExpected()
    {
        var errors = await ErrorsOfAsync("""{"externalId":"SAP-1","product":"FG-X","quantity":"lots","unit":"pcs","dueDate":"2026-12-15","priority":3}""");

        Assert.Equal("expected a number like 1250.5", errors.GetProperty("$.quantity")[0].GetString());
    }

    [Fact]
    public async Task JsonThatIsNotWellFormedSaysSo()
    {
        var errors = await ErrorsOfAsync("""{"externalId":"SAP-1","quantity":""");

        var field = Assert.Single(errors.EnumerateObject());
        Assert.StartsWith("$", field.Name);
        Assert.StartsWith("expected well-formed JSON", field.Value[0].GetString());
    }
}
