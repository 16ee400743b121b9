using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Signatures;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Planning;

/// <summary>
/// The impact loop for materials: QC releases the paracetamol lot the schedule counts on, then QA puts it on hold on a
/// complaint; within 5 seconds an impact names the lot and delays the orders that now lack paracetamol until a delivery
/// can come, and procurement has a MaterialShortage; accepted, the schedule waits for that delivery. QA then rejects the
/// lot: another impact, and procurement hears again.
/// </summary>
public class MaterialImpactLoop(PlannedByHandFactory factory) : IClassFixture<PlannedByHandFactory>
{
    [Fact]
    public async Task AHeldThenRejectedLotTheScheduleCountsOnProposesANewScheduleAndTellsProcurementWithinFiveSeconds()
    {
        var erp = Machine(factory);
        var planner = await factory.SignedInAsync("planner");
        await DecideAsync((lots, credentials, qa) => lots.ReleaseAsync(Lot, credentials, qa));
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/api/v1/schedule/plan", null)).StatusCode);
        using (var before = await JsonAsync(await erp.GetAsync("/api/v1/schedule")))
            Assert.Empty(before.RootElement.GetProperty("materialWaits").EnumerateArray());

        var heldAt = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await DecideAsync((lots, credentials, qa) => lots.HoldAsync(Lot, "Customer complaint: black specks, re-test", credentials, qa));
        var held = await ImpactAsync(erp, "LotHeld", watch);

        Assert.Equal(Lot, held.GetProperty("subject").GetString());
        Assert.StartsWith($"Lot {Lot} of API-PARA put on hold: Customer complaint", held.GetProperty("cause").GetString());
        var id = held.GetProperty("id").GetString()!;
        using (var detail = await JsonAsync(await erp.GetAsync($"/api/v1/impacts/{id}")))
        {
            var orders = detail.RootElement.GetProperty("orders").EnumerateArray().ToList();
            Assert.NotEmpty(orders);
            // Nothing else can make them: they wait a procurement lead time (7 days), past their due dates.
            Assert.Contains(orders, o => o.GetProperty("delayMinutes").GetInt32() >= 6 * 24 * 60 && o.GetProperty("missesDueDate").GetBoolean());
        }
        var shortage = await ShortageAsync(erp, id);
        Assert.NotEmpty(shortage.GetProperty("orders").EnumerateArray());
        Assert.True(shortage.GetProperty("shortBy").GetDecimal() > 0);

        var accepted = await planner.PostAsJsonAsync($"/api/v1/impacts/{id}/accept", new { reason = "Purchasing orders paracetamol; customers told" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using (var schedule = await JsonAsync(await erp.GetAsync("/api/v1/schedule")))
        {
            var waits = schedule.RootElement.GetProperty("materialWaits").EnumerateArray().ToList();
            Assert.NotEmpty(waits);
            Assert.All(waits, w => Assert.Equal("API-PARA", w.GetProperty("material").GetString()));
            Assert.All(waits, w => Assert.True(w.GetProperty("missing").GetDecimal() > 0));
            var delivery = waits.Min(w => w.GetProperty("until").GetDateTimeOffset());
            Assert.True(delivery >= heldAt.AddDays(7).AddMinutes(-2), $"The delivery is expected {delivery:u}, sooner than the 7-day lead time.");
            var waiting = waits.Select(w => w.GetProperty("orderNumber").GetString()).ToHashSet();
            var starts = schedule.RootElement.GetProperty("orders").EnumerateArray().Where(o => waiting.Contains(o.GetProperty("orderNumber").GetString()))
                .Select(o => o.GetProperty("plannedStart").GetDateTimeOffset()).ToList();
            Assert.NotEmpty(starts);
            Assert.All(starts, start => Assert.True(start >= delivery, $"An order waiting for paracetamol starts {start:u}, before the delivery {delivery:u}."));
        }

        watch.Restart();
        await DecideAsync((lots, credentials, qa) => lots.RejectAsync(Lot, "Re-test: assay 96.1 %, below 98.0 %", credentials, qa));
        var rejected = await ImpactAsync(erp, "LotRejected", watch);

        Assert.Equal(Lot, rejected.GetProperty("subject").GetString());
        Assert.StartsWith($"Lot {Lot} of API-PARA rejected: Re-test", rejected.GetProperty("cause").GetString());
        await ShortageAsync(erp, rejected.GetProperty("id").GetString()!);
    }

    private const string Lot = "PARA-24-0121";

    private async Task DecideAsync(Func<LotDispositionService, SignatureCredentials, Infrastructure.Audit.AuditActor, Task> decide)
    {
        var qa = await ShopFloorSetup.PersonAsync(factory.Services, "qa");
        await decide(factory.Services.GetRequiredService<LotDispositionService>(), new SignatureCredentials("qa", MesWebFactory.Password), qa);
    }

    /// <summary>The impact of the kind, waited for up to 5 seconds from the decision that causes it.</summary>
    private static async Task<JsonElement> ImpactAsync(HttpClient erp, string kind, Stopwatch watch)
    {
        while (watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            using var list = await JsonAsync(await erp.GetAsync("/api/v1/impacts"));
            if (list.RootElement.EnumerateArray().FirstOrDefault(i => i.GetProperty("kind").GetString() == kind) is { ValueKind: JsonValueKind.Object } found)
                return found.Clone();
            await Task.Delay(100);
        }
        Assert.Fail($"No {kind} impact {watch.ElapsedMilliseconds} ms after QA's decision.");
        return default;
    }

    /// <summary>The MaterialShortage the impact wrote for paracetamol.</summary>
    private static async Task<JsonElement> ShortageAsync(HttpClient erp, string impactId)
    {
        using var outbox = await JsonAsync(await erp.GetAsync("/api/v1/erp/outbox?limit=200"));
        var message = outbox.RootElement.GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("type").GetString() == "MaterialShortage" && m.GetProperty("data").GetProperty("impactId").GetString() == impactId);
        Assert.Equal("Material:API-PARA", message.GetProperty("aggregate").GetString());
        var data = message.GetProperty("data");
        Assert.Equal(("API-PARA", "kg"), (data.GetProperty("material").GetString(), data.GetProperty("unit").GetString()));
        return data.Clone();
    }
}
