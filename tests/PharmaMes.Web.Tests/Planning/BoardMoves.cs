using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Planning;

/// <summary>
/// A planner moves an operation on the board: a press step onto the granulator is refused with the equipment that can
/// run it; onto the other press it is checked first (the orders it changes), then put in force with the reason, audited,
/// the ERP told, and kept there when the plant is planned again.
/// </summary>
public class BoardMoves(PlannedByHandFactory factory) : IClassFixture<PlannedByHandFactory>
{
    [Fact]
    public async Task AMoveToTheWrongEquipmentClassIsRefusedAndAMoveToTheOtherPressIsCheckedThenPutInForceWithItsReason()
    {
        var planner = await factory.SignedInAsync("planner");
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/api/v1/schedule/plan", null)).StatusCode);
        var (order, step, press, start) = await FirstCompressionAsync(planner);

        using (var wrong = await JsonAsync(await planner.PostAsJsonAsync("/api/v1/schedule/moves",
                   new { orderNumber = order, step, equipmentCode = "GRAN-01", plannedStart = start, check = true })))
        {
            Assert.False(wrong.RootElement.GetProperty("canStand").GetBoolean());
            Assert.Equal($"{order} step {step} cannot run on GRAN-01: it runs on TP-01, TP-02.",
                wrong.RootElement.GetProperty("problems").EnumerateArray().Single().GetString());
        }
        var refused = await planner.PostAsJsonAsync("/api/v1/schedule/moves",
            new { orderNumber = order, step, equipmentCode = "GRAN-01", plannedStart = start, reason = "Try it" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot run on GRAN-01", await refused.Content.ReadAsStringAsync());

        var other = press == "TP-01" ? "TP-02" : "TP-01";
        // The other press is slower: at the same start the step may run into a break; the first half hour it fits in is taken.
        DateTimeOffset? fits = null;
        for (var k = 0; k < 16 && fits is null; k++)
        {
            using var check = await JsonAsync(await planner.PostAsJsonAsync("/api/v1/schedule/moves",
                new { orderNumber = order, step, equipmentCode = other, plannedStart = start.AddMinutes(30 * k), check = true }));
            if (!check.RootElement.GetProperty("canStand").GetBoolean())
            {
                Assert.Contains("cannot run (", check.RootElement.GetProperty("problems")[0].GetString());
                continue;
            }
            Assert.Contains(check.RootElement.GetProperty("orders").EnumerateArray(), o => o.GetProperty("orderNumber").GetString() == order);
            fits = start.AddMinutes(30 * k);
        }
        Assert.NotNull(fits);
        start = fits.Value;
        var noReason = await planner.PostAsJsonAsync("/api/v1/schedule/moves", new { orderNumber = order, step, equipmentCode = other, plannedStart = start });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(press, (await FirstCompressionAsync(planner)).Equipment);

        var moved = await planner.PostAsJsonAsync("/api/v1/schedule/moves",
            new { orderNumber = order, step, equipmentCode = other, plannedStart = start, reason = $"{press} keeps its punches for the next product" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        using var impact = await JsonAsync(moved);
        Assert.Equal(("PlannerChange", "Accepted", "planner"), (impact.RootElement.GetProperty("kind").GetString(),
            impact.RootElement.GetProperty("status").GetString(), impact.RootElement.GetProperty("decidedBy").GetString()));

        using var schedule = await JsonAsync(await planner.GetAsync("/api/v1/schedule"));
        var compression = schedule.RootElement.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("orderNumber").GetString() == order)
            .GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("step").GetInt32() == step);
        Assert.Equal((other, start), (compression.GetProperty("equipmentCode").GetString(), compression.GetProperty("plannedStart").GetDateTimeOffset()));
        using var trail = await JsonAsync(await (await factory.SignedInAsync("qa")).GetAsync("/api/v1/audit?entityType=ScheduleImpact"));
        Assert.Contains(trail.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("field").GetString() == "Status"
            && e.GetProperty("newValue").GetString() == "Accepted" && e.GetProperty("user").GetString() == "planner"
            && e.GetProperty("reason").GetString() == $"{press} keeps its punches for the next product");
        // Planned again by itself, the plant keeps the order where the planner put it.
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/api/v1/schedule/plan", null)).StatusCode);
        using (var again = await JsonAsync(await planner.GetAsync("/api/v1/schedule")))
        {
            var kept = again.RootElement.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("orderNumber").GetString() == order)
                .GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("step").GetInt32() == step);
            Assert.Equal((other, start), (kept.GetProperty("equipmentCode").GetString(), kept.GetProperty("plannedStart").GetDateTimeOffset()));
        }
        using var outbox = await JsonAsync(await Machine(factory).GetAsync("/api/v1/erp/outbox?limit=200"));
        Assert.Contains(outbox.RootElement.GetProperty("messages").EnumerateArray(),
            m => m.GetProperty("type").GetString() == "ScheduleChanged" && m.GetProperty("aggregate").GetString() == $"Order:{order}");
    }

    /// <summary>The first compression of the schedule in force that has not started: its order, step, press and start.</summary>
    private static async Task<(string Order, int Step, string Equipment, DateTimeOffset Start)> FirstCompressionAsync(HttpClient client)
    {
        using var schedule = await JsonAsync(await client.GetAsync("/api/v1/schedule"));
        var first = schedule.RootElement.GetProperty("orders").EnumerateArray().SelectMany(o => o.GetProperty("operations").EnumerateArray())
            .Where(o => o.GetProperty("stepName").GetString() == "Compression").MinBy(o => o.GetProperty("plannedStart").GetDateTimeOffset());
        return (first.GetProperty("orderNumber").GetString()!, first.GetProperty("step").GetInt32(), first.GetProperty("equipmentCode").GetString()!,
            first.GetProperty("plannedStart").GetDateTimeOffset());
    }
}
