using System.Buffers;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Messaging;

/// <summary>The MES publishes its own state, retained, under {root}/{site}/_mes: inventory, batches, alerts.</summary>
public class MesStateTopics(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private async Task<(IMqttClient Client, List<(string Topic, JsonElement? State)> Received)> SubscribeAsync(string filter)
    {
        factory.CreateClient(); // starts the app and its broker
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", factory.BrokerPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("state-watcher-" + Guid.NewGuid().ToString("N")[..6]).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        var received = new List<(string, JsonElement?)>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = e.ApplicationMessage.Payload.ToArray();
            lock (received)
                received.Add((e.ApplicationMessage.Topic, payload.Length == 0 ? null : JsonDocument.Parse(payload).RootElement.Clone()));
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return (client, received);
    }

    private static async Task<JsonElement> WaitForAsync(List<(string Topic, JsonElement? State)> received, Func<string, JsonElement, bool> match)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            lock (received)
                foreach (var (topic, state) in received)
                    if (state is { } s && match(topic, s))
                        return s;
            await Task.Delay(100);
        }
        throw new TimeoutException("The expected MES state message did not arrive.");
    }

    [Fact]
    public async Task AReceiptChangesTheRetainedInventoryOfItsMaterial()
    {
        var erp = Machine(factory);
        var material = await NewMaterialAsync(erp, "RawMaterial", "kg", "MQS");
        var (client, received) = await SubscribeAsync($"mes/PLANT1/_mes/inventory/{material}");
        using var _ = client;

        var receipt = await erp.PostAsJsonAsync("/api/v1/lots/receipts",
            new { material, lotNumber = Unique("L"), quantity = 75.5m, unit = "kg", expiryDate = Today.AddYears(1), supplierLot = "S-9" });
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);

        var state = await WaitForAsync(received, (_, s) => s.GetProperty("onHand").GetProperty("quarantine").GetDecimal() == 75.5m);
        Assert.Equal((material, "kg", 0m, 0m), (state.GetProperty("material").GetString(), state.GetProperty("unit").GetString(),
            state.GetProperty("onHand").GetProperty("released").GetDecimal(), state.GetProperty("available").GetDecimal()));
        Assert.Equal(100m, state.GetProperty("reorderPoint").GetDecimal());
    }

    [Fact]
    public async Task TheDemoBatchesAreRetainedWithTheirStateAndAShortMaterialHasAnActiveAlert()
    {
        var (batches, received) = await SubscribeAsync("mes/PLANT1/_mes/batches/+");
        using var _ = batches;
        var running = await WaitForAsync(received, (_, s) => s.GetProperty("state").GetString() == "Running");
        Assert.Equal("FG-PARA500", running.GetProperty("product").GetString());
        Assert.True(running.GetProperty("steps").GetInt32() > running.GetProperty("stepsCompleted").GetInt32());

        var (alerts, alertMessages) = await SubscribeAsync("mes/PLANT1/_mes/alerts/+");
        using var __ = alerts;
        var alert = await WaitForAsync(alertMessages, (_, s) => s.GetProperty("source").GetString() == "API-PARA");
        Assert.Equal("BelowReorderPoint", alert.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task EachLinesCurrentShiftOeeIsRetainedUnderItsLine()
    {
        var (client, received) = await SubscribeAsync("mes/PLANT1/_mes/oee/+");
        using var _ = client;

        // Published at start and then every minute; a subscriber gets the retained state at once.
        var tablets = await WaitForAsync(received, (topic, _) => topic == "mes/PLANT1/_mes/oee/OSD-L1");
        var biologics = await WaitForAsync(received, (topic, _) => topic == "mes/PLANT1/_mes/oee/BIO-L1");

        Assert.Equal("OSD-L1", tablets.GetProperty("line").GetString());
        Assert.Contains(tablets.GetProperty("shift").GetString(), new[] { "Early", "Late", "Night" });
        Assert.True(tablets.GetProperty("plannedSeconds").GetDouble() > 0);
        foreach (var field in new[] { "availability", "performance", "quality", "oee", "runSeconds", "totalCount" })
            Assert.True(tablets.TryGetProperty(field, out var _), $"missing {field}");
        // The biologics line has no calendar: planned around the clock, one "Day" a day.
        Assert.Equal("Day", biologics.GetProperty("shift").GetString());
    }
}
