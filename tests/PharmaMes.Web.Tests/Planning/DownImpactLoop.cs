using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Persistence;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Planning;

/// <summary>
/// The demo plant planning itself only when asked (so the test knows the schedule in force), a press Down for a day
/// when it goes Down.
/// </summary>
public sealed class PlannedByHandFactory : MesWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Planning:Enabled"] = "false",
        ["Planning:ExpectedRepairMinutes"] = "1440",
    };
}

/// <summary>
/// The failure-impact loop end to end: the press a scheduled order needs reports Down over MQTT; within 5 seconds the
/// batch on it is held and an impact lists the order with its delay and a proposal that moves it to the second press;
/// accepting puts that schedule in force, tells the ERP and keeps the reason in the audit trail.
/// </summary>
public class DownImpactLoop(PlannedByHandFactory factory) : IClassFixture<PlannedByHandFactory>
{
    private const string PressState = "mes/PLANT1/OSD/OSD-L1/TP-01/state";

    [Fact]
    public async Task APressGoingDownProposesTheSecondPressWithinFiveSecondsAndAcceptingTellsTheErp()
    {
        var erp = Machine(factory);
        var planner = await factory.SignedInAsync("planner");
        var externalId = Unique("SAP-RUSH");
        var placed = await erp.PutAsJsonAsync($"/api/v1/production-orders/{externalId}", new
        {
            product = "FG-PARA500", quantity = 72_000m, unit = "pcs", dueDate = Today.AddDays(1), priority = 1, customerReference = "PHARMACY-CHAIN-7",
        });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        using (var created = await JsonAsync(placed))
        {
            var number = created.RootElement.GetProperty("number").GetString()!;
            // The second press's calibration has lapsed when the plant is planned: every compression goes on TP-01.
            await CalibrateSecondPressAsync(due: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
            Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/api/v1/schedule/plan", null)).StatusCode);
            Assert.Equal("TP-01", await CompressionOnAsync(erp, number));
            // Calibrated again; the schedule in force does not know it yet.
            await CalibrateSecondPressAsync(due: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(180));

            using var device = await ConnectAsync();
            var watch = Stopwatch.StartNew();
            await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(PressState)
                .WithPayload(Encoding.UTF8.GetBytes($"{{\"ts\":\"{Ts(DateTimeOffset.UtcNow)}\",\"state\":\"Down\",\"reason\":\"Punch tip broken\"}}"))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

            JsonElement impact = default;
            while (watch.Elapsed < TimeSpan.FromSeconds(5))
            {
                using var list = await JsonAsync(await erp.GetAsync("/api/v1/impacts"));
                if (list.RootElement.EnumerateArray().FirstOrDefault(i => i.GetProperty("cause").GetString()!.StartsWith("TP-01 is Down", StringComparison.Ordinal)) is
                    { ValueKind: JsonValueKind.Object } found)
                {
                    impact = found.Clone();
                    break;
                }
                await Task.Delay(100);
            }
            Assert.True(impact.ValueKind == JsonValueKind.Object, $"No impact {watch.ElapsedMilliseconds} ms after the Down message.");
            Assert.Equal(("TP-01 is Down: Punch tip broken", "Proposed"), (impact.GetProperty("cause").GetString(), impact.GetProperty("status").GetString()));
            Assert.Single(impact.GetProperty("heldBatches").EnumerateArray());
            var id = impact.GetProperty("id").GetString()!;

            using var detail = await JsonAsync(await erp.GetAsync($"/api/v1/impacts/{id}"));
            var order = detail.RootElement.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("orderNumber").GetString() == number);
            Assert.Equal("PHARMACY-CHAIN-7", order.GetProperty("customerReference").GetString());
            var oldEnd = order.GetProperty("oldPlannedEnd").GetDateTimeOffset();
            var newEnd = order.GetProperty("newPlannedEnd").GetDateTimeOffset();
            Assert.Equal((int)Math.Round((newEnd - oldEnd).TotalMinutes), order.GetProperty("delayMinutes").GetInt32());
            var compression = order.GetProperty("proposedOperations").EnumerateArray().Single(o => o.GetProperty("stepName").GetString() == "Compression");
            Assert.Equal(("TP-02", "TP-01"), (compression.GetProperty("equipmentCode").GetString(), compression.GetProperty("previousEquipmentCode").GetString()));

            // While the proposal waits, planning the plant again would decide for the planner.
            var planning = await planner.PostAsync("/api/v1/schedule/plan", null);
            Assert.Equal(HttpStatusCode.Conflict, planning.StatusCode);
            using (var problem = await JsonAsync(planning))
                Assert.Equal(id, problem.RootElement.GetProperty("impact").GetString());
            var refused = await planner.PostAsJsonAsync($"/api/v1/impacts/{id}/accept", new { reason = " " });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var accepted = await planner.PostAsJsonAsync($"/api/v1/impacts/{id}/accept", new { reason = "TP-02 is free: move the rush order there" });
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

            Assert.Equal("TP-02", await CompressionOnAsync(erp, number));
            using var outbox = await JsonAsync(await erp.GetAsync("/api/v1/erp/outbox?limit=200"));
            var changed = outbox.RootElement.GetProperty("messages").EnumerateArray()
                .Single(m => m.GetProperty("type").GetString() == "ScheduleChanged" && m.GetProperty("aggregate").GetString() == $"Order:{number}");
            var data = changed.GetProperty("data");
            Assert.Equal((externalId, oldEnd, newEnd), (data.GetProperty("externalId").GetString(), data.GetProperty("oldPlannedEnd").GetDateTimeOffset(),
                data.GetProperty("newPlannedEnd").GetDateTimeOffset()));
            using var trail = await JsonAsync(await (await factory.SignedInAsync("qa")).GetAsync("/api/v1/audit?entityType=ScheduleImpact"));
            var decision = trail.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "Status"
                && e.GetProperty("newValue").GetString() == "Accepted");
            Assert.Equal(("planner", "TP-02 is free: move the rush order there"), (decision.GetProperty("user").GetString(), decision.GetProperty("reason").GetString()));
            var again = await planner.PostAsJsonAsync($"/api/v1/impacts/{id}/accept", new { reason = "twice" });
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }
    }

    [Fact]
    public async Task AnUnknownImpactIs404()
    {
        var response = await Machine(factory).GetAsync($"/api/v1/impacts/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task CalibrateSecondPressAsync(DateOnly due)
    {
        await using var db = factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PharmaMes.Infrastructure.Persistence.MesDbContext>>()
            .CreateDbContext(new AuditActor(Guid.NewGuid(), "metrology", "Calibration recorded"));
        var press = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Equipment, e => e.Code == new PlantCode("TP-02"));
        press.RecordCalibration(due.AddDays(-180), due);
        await db.SaveChangesAsync();
    }

    private static async Task<string?> CompressionOnAsync(HttpClient client, string order)
    {
        using var schedule = await JsonAsync(await client.GetAsync("/api/v1/schedule"));
        return schedule.RootElement.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("orderNumber").GetString() == order)
            .GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("stepName").GetString() == "Compression")
            .GetProperty("equipmentCode").GetString();
    }

    private async Task<IMqttClient> ConnectAsync()
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", factory.BrokerPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("press-" + Guid.NewGuid().ToString("N")[..6]).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private static string Ts(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
