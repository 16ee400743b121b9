using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

public class ProductionOrderIntakeApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    private async Task<object> OrderAsync(string? externalId = null) => new
    {
        externalId = externalId ?? Unique("SAP-4500"),
        product = await NewMaterialAsync(_erp, "FinishedGood", "pcs", "FG"),
        quantity = 120000m,
        unit = "pcs",
        dueDate = Today.AddDays(30),
        priority = 3,
        customerReference = "CUST-PO-77",
    };

    private async Task<List<JsonElement>> OrdersWithAsync(string externalId)
    {
        using var json = await JsonAsync(await _erp.GetAsync($"/api/v1/production-orders?externalId={Uri.EscapeDataString(externalId)}"));
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task ANewOrderIsPlannedWithItsLocationAndFoundByItsExternalId()
    {
        var externalId = Unique("SAP-4500");
        var order = await OrderAsync(externalId);

        var response = await _erp.PostAsJsonAsync("/api/v1/production-orders", order);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await JsonAsync(response);
        var number = json.RootElement.GetProperty("number").GetString()!;
        Assert.StartsWith("PO-", number);
        Assert.Equal($"/api/v1/production-orders/{number}", response.Headers.Location?.OriginalString);
        var found = Assert.Single(await OrdersWithAsync(externalId));
        Assert.Equal((number, externalId, 120000m, "pcs", 3, "CUST-PO-77", "Planned"),
            (found.GetProperty("number").GetString(), found.GetProperty("externalId").GetString(), found.GetProperty("quantity").GetDecimal(),
                found.GetProperty("unit").GetString(), found.GetProperty("priority").GetInt32(), found.GetProperty("customerReference").GetString(),
                found.GetProperty("status").GetString()));
        Assert.Equal(Today.AddDays(30).ToString("yyyy-MM-dd"), found.GetProperty("dueDate").GetString());
        Assert.True(found.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(HttpStatusCode.OK, (await _erp.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task TheSameOrderPostedTwiceIsOneOrder()
    {
        var externalId = Unique("SAP-4500");
        var order = await OrderAsync(externalId);
        var first = await _erp.PostAsJsonAsync("/api/v1/production-orders", order);
        using var created = await JsonAsync(first);
        using var before = await JsonAsync(await _erp.GetAsync("/api/v1/production-orders"));

        var second = await _erp.PostAsJsonAsync("/api/v1/production-orders", order);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        using var repeated = await JsonAsync(second);
        Assert.Equal(created.RootElement.GetProperty("number").GetString(), repeated.RootElement.GetProperty("number").GetString());
        using var after = await JsonAsync(await _erp.GetAsync("/api/v1/production-orders"));
        Assert.Equal(before.RootElement.GetArrayLength(), after.RootElement.GetArrayLength());
        Assert.Single(await OrdersWithAsync(externalId));
    }

    [Fact]
    public async Task ConcurrentPostsOfANewExternalIdMakeOneOrder()
    {
        var externalId = Unique("SAP-4500");
        var order = await OrderAsync(externalId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Machine(factory).PostAsJsonAsync("/api/v1/production-orders", order)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, HttpStatusCode.Created);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        var numbers = new HashSet<string>();
        foreach (var response in responses)
        {
            using var json = await JsonAsync(response);
            numbers.Add(json.RootElement.GetProperty("number").GetString()!);
        }
        Assert.Equal(Assert.Single(await OrdersWithAsync(externalId)).GetProperty("number").GetString(), Assert.Single(numbers));
    }

    [Fact]
    public async Task ARepeatWithDifferentContentChangesNothingAndNamesTheFields()
    {
        var externalId = Unique("SAP-4500");
        var order = await OrderAsync(externalId);
        using var created = await JsonAsync(await _erp.PostAsJsonAsync("/api/v1/production-orders", order));
        var changed = JsonSerializer.SerializeToNode(order, JsonSerializerOptions.Web)!.AsObject();
        changed["quantity"] = 90000m;
        changed["priority"] = 1;

        var response = await _erp.PostAsJsonAsync("/api/v1/production-orders", changed);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await JsonAsync(response);
        Assert.Equal(["quantity", "priority"], problem.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(created.RootElement.GetProperty("number").GetString(), problem.RootElement.GetProperty("order").GetString());
        var stored = Assert.Single(await OrdersWithAsync(externalId));
        Assert.Equal((120000m, 3), (stored.GetProperty("quantity").GetDecimal(), stored.GetProperty("priority").GetInt32()));
    }

    [Fact]
    public async Task AnInvalidOrderNamesEveryBadFieldAndSavesNothing()
    {
        using var before = await JsonAsync(await _erp.GetAsync("/api/v1/production-orders"));

        var response = await _erp.PostAsJsonAsync("/api/v1/production-orders", new
        {
            product = "not a code!",
            quantity = 0m,
            unit = "kilo grams",
            dueDate = Today.AddDays(-1),
            priority = 10,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await JsonAsync(response);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["dueDate", "externalId", "priority", "product", "quantity", "unit"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("more than zero", errors.GetProperty("quantity")[0].GetString());
        using var after = await JsonAsync(await _erp.GetAsync("/api/v1/production-orders"));
        Assert.Equal(before.RootElement.GetArrayLength(), after.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task AnOrderInAnotherUnitThanTheProductsIsRefused()
    {
        var order = JsonSerializer.SerializeToNode(await OrderAsync(), JsonSerializerOptions.Web)!.AsObject();
        order["unit"] = "kg";

        var response = await _erp.PostAsJsonAsync("/api/v1/production-orders", order);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Contains("is counted in pcs, not kg", problem.RootElement.GetProperty("detail").GetString());
        Assert.Empty(await OrdersWithAsync(order["externalId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnUnknownOrderNumberIs404()
    {
        var response = await _erp.GetAsync("/api/v1/production-orders/PO-1999-9999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
