using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PharmaMes.Web.Tests.Maintenance;

/// <summary>Maintenance work orders over HTTP: raised, worked, released with a signature, and refused out of turn or to the wrong role.</summary>
public class WorkOrderApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private static object Signature(string user) => new { signature = new { userName = user, password = MesWebFactory.Password } };

    [Fact]
    public async Task AnOperatorRaisesMaintenanceWorksItAndASupervisorReleasesItSigned()
    {
        var operatorClient = await factory.SignedInAsync("operator");
        var maintenance = await factory.SignedInAsync("maintenance");
        var supervisor = await factory.SignedInAsync("supervisor");

        var raised = await operatorClient.PostAsJsonAsync("/api/v1/equipment/COAT-01/work-orders", new { task = "Needle 3 drips after filling", cause = "Seen at IPC" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var number = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        Assert.Equal($"/api/v1/work-orders/{number}", raised.Headers.Location?.OriginalString);

        var refused = await operatorClient.PostAsync($"/api/v1/work-orders/{number}/start", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await maintenance.PostAsJsonAsync($"/api/v1/work-orders/{number}/assign", new { technician = "Marco Rossi" })).StatusCode);
        var started = await (await maintenance.PostAsync($"/api/v1/work-orders/{number}/start", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("InProgress", "Maintenance"), (started.GetProperty("status").GetString(), started.GetProperty("equipmentStatus").GetString()));
        var completed = await maintenance.PostAsJsonAsync($"/api/v1/work-orders/{number}/complete", new { workDone = "Needle 3 O-ring replaced", partsUsed = "O-ring 2.5x1 EPDM x1" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var released = await supervisor.PostAsJsonAsync($"/api/v1/work-orders/{number}/release", Signature("supervisor"));

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var order = await released.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Released", "Dirty"), (order.GetProperty("status").GetString(), order.GetProperty("equipmentStatus").GetString()));
        Assert.Equal("O-ring 2.5x1 EPDM x1", order.GetProperty("partsUsed").GetString());
        Assert.Contains("Released", Assert.Single(order.GetProperty("signatures").EnumerateArray()).GetProperty("manifestation").GetString());
        var open = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/work-orders?equipment=COAT-01");
        Assert.DoesNotContain(open.EnumerateArray(), w => w.GetProperty("number").GetString() == number);
        var all = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/work-orders?equipment=COAT-01&all=true");
        Assert.Contains(all.EnumerateArray(), w => w.GetProperty("number").GetString() == number);
    }

    [Fact]
    public async Task OutOfTurnOrIncompleteRequestsAreProblemsThatNameWhatIsWrong()
    {
        var maintenance = await factory.SignedInAsync("maintenance");
        var raised = await maintenance.PostAsJsonAsync("/api/v1/equipment/GRAN-01/work-orders", new { task = "Check the chopper noise" });
        var number = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        var noTask = await maintenance.PostAsJsonAsync("/api/v1/equipment/GRAN-01/work-orders", new { cause = "Noise" });
        var releaseEarly = await maintenance.PostAsJsonAsync($"/api/v1/work-orders/{number}/release", Signature("maintenance"));
        var unsigned = await maintenance.PostAsJsonAsync($"/api/v1/work-orders/{number}/release", new { });
        var unknown = await maintenance.GetAsync("/api/v1/work-orders/WO-1999-0001");

        Assert.Equal(HttpStatusCode.BadRequest, noTask.StatusCode);
        Assert.True((await noTask.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("task", out _));
        Assert.Equal(HttpStatusCode.BadRequest, releaseEarly.StatusCode);
        Assert.Contains("is Open", (await releaseEarly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.True((await unsigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("signature", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var order = await maintenance.GetFromJsonAsync<JsonElement>($"/api/v1/work-orders/{number}");
        Assert.Equal("Open", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AMaintenancePlanIsScheduledWithAReasonAndRaisesItsOrderWhenDue()
    {
        var maintenance = await factory.SignedInAsync("maintenance");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var withoutReason = await maintenance.PostAsJsonAsync("/api/v1/equipment/DISP-01/maintenance-plans",
            new { task = "Check the laminar flow filters", intervalDays = 30, firstDueOn = today.AddDays(2) });
        var added = await maintenance.PostAsJsonAsync("/api/v1/equipment/DISP-01/maintenance-plans",
            new { task = "Check the laminar flow filters", intervalDays = 30, firstDueOn = today.AddDays(2), reason = "PM programme PM-21" });
        var operatorTry = await (await factory.SignedInAsync("operator")).PostAsJsonAsync("/api/v1/equipment/DISP-01/maintenance-plans",
            new { task = "Anything", intervalDays = 30, firstDueOn = today, reason = "No" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorTry.StatusCode);
        var plans = await maintenance.GetFromJsonAsync<JsonElement>("/api/v1/equipment/DISP-01/maintenance-plans");
        Assert.Equal(today.AddDays(2).ToString("yyyy-MM-dd"), Assert.Single(plans.EnumerateArray()).GetProperty("nextDueOn").GetString());
        var orders = await maintenance.GetFromJsonAsync<JsonElement>("/api/v1/work-orders?equipment=DISP-01");
        var preventive = Assert.Single(orders.EnumerateArray(), w => w.GetProperty("task").GetString() == "Check the laminar flow filters");
        Assert.Equal(("Preventive", today.AddDays(2).ToString("yyyy-MM-dd")), (preventive.GetProperty("kind").GetString(), preventive.GetProperty("dueOn").GetString()));
    }
}
