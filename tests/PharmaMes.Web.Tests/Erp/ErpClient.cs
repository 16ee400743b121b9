using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PharmaMes.Web.Tests.Erp;

/// <summary>Calls the inbound ERP API as the ERP does: over HTTP with the demo API key, on materials of its own.</summary>
internal static class ErpClient
{
    public static HttpClient Machine(MesWebFactory factory)
    {
        var client = factory.NewBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);
        return client;
    }

    /// <summary>A code no other test uses, so tests on one app never see each other's data.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)].ToUpperInvariant();

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<string> NewMaterialAsync(HttpClient erp, string type, string unit, string prefix = "ERP")
    {
        var code = Unique(prefix);
        var response = await erp.PutAsJsonAsync($"/api/v1/materials/{code}", new { name = $"Test {type} {code}", type, unit, reorderPoint = 100m, safetyStock = 20m });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    public static async Task<JsonDocument> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
