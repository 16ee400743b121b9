using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PharmaMes.Web.Observability;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Observability;

/// <summary>The MES's own instruments on /metrics move when what they measure happens.</summary>
[Collection(MeterReadings.Name)]
public class MesInstruments(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly Scrape _scrape = new(factory);

    private static string Now => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task PublishAsync(string topic, string json)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var connected = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", factory.BrokerPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        // QoS 1: the PUBACK comes once the message is stored, so the batch is committed when this returns.
        var published = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(json))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(published.IsSuccess, published.ReasonString);
        await client.DisconnectAsync();
    }

    [Fact]
    public async Task AQuarantinedPayloadIsCountedUnderItsReason()
    {
        factory.CreateClient();
        var before = await _scrape.ValueAsync("pharmames_ingest_quarantined_total", "reason=\"unknown-tag\"");

        await PublishAsync("mes/PLANT1/OSD/OSD-L1/TP-01/telemetry", $"{{\"ts\":\"{Now}\",\"values\":{{\"no_such_tag\":1}}}}");

        var text = await _scrape.UntilAsync("pharmames_ingest_quarantined_total", "reason=\"unknown-tag\"", v => v >= before + 1, "the unknown tag is quarantined");
        Assert.Null(Scrape.Value(text, "pharmames_ingest_quarantined_total", "reason=\"invalid-json\""));
    }

    [Fact]
    public async Task AStoredBatchIsCountedWithItsSizeAndCommitTime()
    {
        factory.CreateClient();
        var batches = await _scrape.ValueAsync("pharmames_ingest_batch_size_count");
        var messages = await _scrape.ValueAsync("pharmames_ingest_batch_size_sum");

        await PublishAsync("mes/PLANT1/OSD/OSD-L1/TP-01/telemetry", $"{{\"ts\":\"{Now}\",\"values\":{{\"speed\":3125}}}}");

        var text = await _scrape.UntilAsync("pharmames_ingest_batch_size_count", null, v => v >= batches + 1, "the batch is stored");
        Assert.True(Scrape.Value(text, "pharmames_ingest_batch_size_sum") >= messages + 1, "the batch's message is in the sum");
        Assert.True(Scrape.Value(text, "pharmames_ingest_batch_commit_duration_seconds_count") >= batches + 1, "the commit of the batch is timed");
    }

    private HubConnection ConnectHub() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/plant"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["X-Api-Key"] = MesWebFactory.ApiKey;
            })
            .Build();

    [Fact]
    public async Task AHubClientIsCountedWhileConnectedAndTheEventsSentToItByMethod()
    {
        factory.CreateClient();
        var before = await _scrape.ValueAsync("pharmames_hub_connections");
        var sent = await _scrape.ValueAsync("pharmames_hub_messages_sent_total", "method=\"EquipmentStateChanged\"");

        var hub = ConnectHub();
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<System.Text.Json.JsonElement>("EquipmentStateChanged", e => { if (e.GetProperty("equipmentCode").GetString() == "COAT-01") changed.TrySetResult(); });
        await hub.StartAsync();
        await _scrape.UntilAsync("pharmames_hub_connections", null, v => v == before + 1, "the connected client is counted");

        await PublishAsync("mes/PLANT1/OSD/OSD-L1/COAT-01/state", $"{{\"ts\":\"{Now}\",\"state\":\"Down\",\"reason\":\"Spray gun blocked\"}}");
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await _scrape.UntilAsync("pharmames_hub_messages_sent_total", "method=\"EquipmentStateChanged\"", v => v >= sent + 1, "the state change sent is counted");

        await hub.DisposeAsync();
        await _scrape.UntilAsync("pharmames_hub_connections", null, v => v == before, "the closed connection is no longer counted");
    }

    [Fact]
    public async Task ADeliveredErpMessageIsTimedAndTheBacklogIsShown()
    {
        var erp = Machine(factory);
        // The readiness probe counts the outbox, as the dispatcher does after each run.
        await factory.NewBrowser().GetAsync("/health/ready");
        // The demo plant's own messages go first: the backlog is empty once they are delivered.
        await _scrape.UntilAsync("pharmames_outbox_pending", null, v => v == 0, "the demo plant's messages are delivered");
        var delivered = await _scrape.ValueAsync("pharmames_outbox_delivery_latency_seconds_count");
        var material = await NewMaterialAsync(erp, "RawMaterial", "kg", "OBM");

        var receipt = await erp.PostAsJsonAsync("/api/v1/lots/receipts",
            new { material, lotNumber = Unique("L"), quantity = 40m, unit = "kg", expiryDate = Today.AddYears(1), supplierLot = "S-1" });
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);

        var text = await _scrape.UntilAsync("pharmames_outbox_delivery_latency_seconds_count", null, v => v >= delivered + 1, "the lot's message is delivered to the folder");
        Assert.Equal(0, Scrape.Value(text, "pharmames_outbox_failed"));
    }

    [Fact]
    public async Task AnOpenCircuitIsCountedUntilItCloses()
    {
        factory.CreateClient();
        var counter = factory.Services.GetServices<CircuitHandler>().OfType<CircuitCounter>().Single();
        var before = await _scrape.ValueAsync("pharmames_blazor_circuits");
        // Blazor makes circuits itself; the handler only counts, whatever the circuit.
        var circuit = (Circuit)RuntimeHelpers.GetUninitializedObject(typeof(Circuit));

        await counter.OnCircuitOpenedAsync(circuit, CancellationToken.None);
        await _scrape.UntilAsync("pharmames_blazor_circuits", null, v => v == before + 1, "the opened circuit is counted");
        await counter.OnCircuitClosedAsync(circuit, CancellationToken.None);
        await _scrape.UntilAsync("pharmames_blazor_circuits", null, v => v == before, "the closed circuit is no longer counted");
    }
}
