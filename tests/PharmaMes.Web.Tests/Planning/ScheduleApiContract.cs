using System.Net;
using System.Text.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Planning;

/// <summary>GET /api/v1/schedule: the schedule in force, in the names devices, ERPs and scripts rely on.</summary>
public class ScheduleApiContract(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task APlanNowAnswersEveryOpenDemoOrderWithItsOperationsInStepOrder()
    {
        var planner = await factory.SignedInAsync("planner");
        var planned = await planner.PostAsync("/api/v1/schedule/plan", null);
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);

        using var json = await JsonAsync(await Machine(factory).GetAsync("/api/v1/schedule"));

        var schedule = json.RootElement;
        Assert.StartsWith("CP-SAT", schedule.GetProperty("method").GetString());
        Assert.True(schedule.GetProperty("plannedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        var orders = schedule.GetProperty("orders").EnumerateArray().ToList();
        Assert.NotEmpty(orders);
        foreach (var order in orders)
        {
            var operations = order.GetProperty("operations").EnumerateArray().ToList();
            Assert.NotEmpty(operations);
            Assert.All(operations, o => Assert.Equal(order.GetProperty("orderNumber").GetString(), o.GetProperty("orderNumber").GetString()));
            Assert.Equal(operations.Select(o => o.GetProperty("step").GetInt32()).Order(), operations.Select(o => o.GetProperty("step").GetInt32()));
            Assert.All(operations.Zip(operations.Skip(1)), pair =>
                Assert.True(pair.Second.GetProperty("plannedStart").GetDateTimeOffset() >= pair.First.GetProperty("plannedEnd").GetDateTimeOffset()));
            Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.GetProperty("equipmentCode").GetString())));
            Assert.Equal(operations.Max(o => o.GetProperty("plannedEnd").GetDateTimeOffset()), order.GetProperty("plannedEnd").GetDateTimeOffset());
            Assert.True(order.GetProperty("lateMinutes").GetInt32() >= 0);
        }
    }

    [Fact]
    public async Task ALineWithNoOrdersAnswersNone()
    {
        using var json = await JsonAsync(await Machine(factory).GetAsync("/api/v1/schedule?line=NO-SUCH-LINE"));

        Assert.Empty(json.RootElement.GetProperty("orders").EnumerateArray());
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsAProblemNamingTo()
    {
        var response = await Machine(factory).GetAsync("/api/v1/schedule?from=2026-12-10T00:00:00Z&to=2026-12-09T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await JsonAsync(response);
        Assert.Equal("The end of the period must be after its start.", problem.RootElement.GetProperty("errors").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task OnlyPlannersAndSupervisorsMayPlan()
    {
        var operatorUser = await factory.SignedInAsync("operator");

        var response = await operatorUser.PostAsync("/api/v1/schedule/plan", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
