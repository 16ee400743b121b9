using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

/// <summary>The ERP changes and cancels its orders by its own id, until production starts.</summary>
public class ProductionOrderLifecycleApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    private static object Order(string product, decimal quantity = 120000m, int priority = 3, int dueInDays = 30, string? customerReference = "CUST-PO-77") => new
    {
        product,
        quantity,
        unit = "pcs",
        dueDate = Today.AddDays(dueInDays),
        priority,
        customerReference,
    };

    private async Task<(string ExternalId, string Number)> PlannedAsync(string? product = null)
    {
        var externalId = Unique("SAP-4500");
        var response = await _erp.PutAsJsonAsync($"/api/v1/production-orders/{externalId}", Order(product ?? await NewMaterialAsync(_erp, "FinishedGood", "pcs", "FG")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await JsonAsync(response);
        return (externalId, json.RootElement.GetProperty("number").GetString()!);
    }

    private async Task<JsonElement> AuditOfAsync(string number)
    {
        var qa = await factory.SignedInAsync("qa");
        using var json = await JsonAsync(await qa.GetAsync($"/api/v1/audit?entityType=ProductionOrder&record={number}"));
        return json.RootElement.GetProperty("entries").Clone();
    }

    [Fact]
    public async Task PutPlansANewOrderUnderTheIdInTheAddress()
    {
        var product = await NewMaterialAsync(_erp, "FinishedGood", "pcs", "FG");
        var externalId = Unique("SAP-4500");

        var response = await _erp.PutAsJsonAsync($"/api/v1/production-orders/{externalId}", Order(product, priority: 1));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await JsonAsync(response);
        Assert.Equal((externalId, "Planned", 1, "Urgent"), (json.RootElement.GetProperty("externalId").GetString(), json.RootElement.GetProperty("status").GetString(),
            json.RootElement.GetProperty("priority").GetInt32(), json.RootElement.GetProperty("priorityName").GetString()));
    }

    [Fact]
    public async Task PutChangesQuantityDueDatePriorityAndReferenceAuditedUnderTheKeysName()
    {
        var product = await NewMaterialAsync(_erp, "FinishedGood", "pcs", "FG");
        var (externalId, number) = await PlannedAsync(product);

        var response = await _erp.PutAsJsonAsync($"/api/v1/production-orders/{externalId}",
            Order(product, quantity: 90000m, priority: 2, dueInDays: 20, customerReference: "CUST-PO-78"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await JsonAsync(response);
        var order = json.RootElement;
        Assert.Equal((number, 90000m, 2, "High", Today.AddDays(20).ToString("yyyy-MM-dd"), "CUST-PO-78"),
            (order.GetProperty("number").GetString(), order.GetProperty("quantity").GetDecimal(), order.GetProperty("priority").GetInt32(),
                order.GetProperty("priorityName").GetString(), order.GetProperty("dueDate").GetString(), order.GetProperty("customerReference").GetString()));
        var changes = (await AuditOfAsync(number)).EnumerateArray().Where(e => e.GetProperty("action").GetString() == "Changed").ToList();
        Assert.Equal(["CustomerReference", "DueDate", "Priority", "Quantity.Amount"], changes.Select(e => e.GetProperty("field").GetString()!).Order());
        Assert.All(changes, e =>
        {
            Assert.StartsWith("api:", e.GetProperty("user").GetString());
            Assert.Equal("Changed in the ERP (quantity, dueDate, priority, customerReference)", e.GetProperty("reason").GetString());
        });
    }

    [Fact]
    public async Task PutOfAnotherProductUnderTheSameIdIsAConflictThatChangesNothing()
    {
        var (externalId, number) = await PlannedAsync();
        var other = await NewMaterialAsync(_erp, "FinishedGood", "pcs", "FG");

        var response = await _erp.PutAsJsonAsync($"/api/v1/production-orders/{externalId}", Order(other, quantity: 5m));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Equal(["product"], problem.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        using var stored = await JsonAsync(await _erp.GetAsync($"/api/v1/production-orders/{number}"));
        Assert.Equal(120000m, stored.RootElement.GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task ABodyWithAnotherExternalIdThanTheAddressIsRefused()
    {
        var product = await NewMaterialAsync(_erp, "FinishedGood", "pcs", "FG");
        var order = JsonSerializer.SerializeToNode(Order(product), JsonSerializerOptions.Web)!.AsObject();
        order["externalId"] = "SOMETHING-ELSE";

        var response = await _erp.PutAsJsonAsync($"/api/v1/production-orders/{Unique("SAP")}", order);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Contains("is not the one in the address", problem.RootElement.GetProperty("errors").GetProperty("externalId")[0].GetString());
    }

    [Fact]
    public async Task DeleteCancelsWithTheReasonAndARepeatAnswersTheSame()
    {
        var (externalId, number) = await PlannedAsync();

        var first = await _erp.DeleteAsync($"/api/v1/production-orders/{externalId}?reason={Uri.EscapeDataString("Customer withdrew the order")}");
        var again = await _erp.DeleteAsync($"/api/v1/production-orders/{externalId}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        using var json = await JsonAsync(again);
        Assert.Equal(("Cancelled", "Customer withdrew the order"),
            (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("cancelReason").GetString()));
        var status = (await AuditOfAsync(number)).EnumerateArray().Single(e => e.GetProperty("field").GetString() == "Status");
        Assert.Equal(("Planned", "Cancelled", "Customer withdrew the order"),
            (status.GetProperty("oldValue").GetString(), status.GetProperty("newValue").GetString(), status.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task DeleteOfAnUnknownIdIs404()
    {
        var response = await _erp.DeleteAsync($"/api/v1/production-orders/{Unique("NOPE")}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnOrderWithABatchCanNeitherChangeNorBeCancelled()
    {
        var (externalId, number) = await PlannedAsync("FG-PARA500");
        var orders = factory.Services.GetRequiredService<ProductionOrderService>();
        var planner = new AuditActor(Guid.NewGuid(), "planner-test");
        var id = (await orders.ListAsync()).Single(o => o.Number == number).Id;
        await orders.ReleaseAsync(id, planner);
        var batch = await factory.Services.GetRequiredService<BatchExecutionService>().CreateBatchAsync(id, null, planner);

        var changed = await _erp.PutAsJsonAsync($"/api/v1/production-orders/{externalId}", Order("FG-PARA500", quantity: 1000m));
        var cancelled = await _erp.DeleteAsync($"/api/v1/production-orders/{externalId}");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (changed.StatusCode, cancelled.StatusCode));
        using var problem = await JsonAsync(changed);
        Assert.Equal($"Order {number} is InProgress: it can no longer be changed.", problem.RootElement.GetProperty("detail").GetString());
        Assert.StartsWith("B-", batch);
        using var stored = await JsonAsync(await _erp.GetAsync($"/api/v1/production-orders/{number}"));
        Assert.Equal((120000m, "InProgress"), (stored.RootElement.GetProperty("quantity").GetDecimal(), stored.RootElement.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task APriorityOfSixIsRefusedWithTheNamedScale()
    {
        var product = await NewMaterialAsync(_erp, "FinishedGood", "pcs", "FG");

        var response = await _erp.PutAsJsonAsync($"/api/v1/production-orders/{Unique("SAP")}", Order(product, priority: 6));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Equal("The priority is one of 1 Urgent, 2 High, 3 Normal, 4 Flexible, 5 Low.",
            problem.RootElement.GetProperty("errors").GetProperty("priority")[0].GetString());
    }
}
