using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MQTTnet;
using MQTTnet.Formatter;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet.Protocol;
using PharmaMes.Web.Tests.Batches;

namespace PharmaMes.Web.Tests.Hubs;

public class PlantHubClients(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private HubConnection Connect(string? apiKey) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/plant"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (apiKey is not null)
                    o.Headers["X-Api-Key"] = apiKey;
            })
            .Build();

    private async Task PublishAsync(string topic, string json)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var connected = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", factory.BrokerPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        var published = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(json))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(published.IsSuccess, published.ReasonString);
        await client.DisconnectAsync();
    }

    private static string Now => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ASubscribedClientReceivesTelemetryOfItsEquipment()
    {
        factory.CreateClient(); // starts the app, its broker and its ingest
        await using var hub = Connect(MesWebFactory.ApiKey);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("TelemetryUpdated", e => received.TrySetResult(e));
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeEquipment", "TP-01");

        await PublishAsync("mes/PLANT1/OSD/OSD-L1/TP-01/telemetry", $"{{\"ts\":\"{Now}\",\"values\":{{\"speed\":3125,\"compression_force\":15.5}}}}");
        var update = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("TP-01", update.GetProperty("equipmentCode").GetString());
        Assert.Equal("OSD-L1", update.GetProperty("lineCode").GetString());
        Assert.Equal(3125, update.GetProperty("values").GetProperty("speed").GetDouble());
    }

    [Fact]
    public async Task EveryClientReceivesStateChangesAndAlertsWithoutSubscribing()
    {
        factory.CreateClient();
        await using var hub = Connect(MesWebFactory.ApiKey);
        var state = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var alert = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("EquipmentStateChanged", e => { if (e.GetProperty("equipmentCode").GetString() == "GRAN-01") state.TrySetResult(e); });
        hub.On<JsonElement>("AlertRaised", e => { if (e.GetProperty("source").GetString() == "GRAN-01") alert.TrySetResult(e); });
        await hub.StartAsync();

        await PublishAsync("mes/PLANT1/OSD/OSD-L1/GRAN-01/state", $"{{\"ts\":\"{Now}\",\"state\":\"Down\",\"reason\":\"Chopper motor overload\"}}");

        var change = await state.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var raised = await alert.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Down", change.GetProperty("state").GetString());
        Assert.Equal("Chopper motor overload", change.GetProperty("reason").GetString());
        Assert.Equal("EquipmentDown", raised.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task EveryClientHearsOfABatchMovingAndOfTheQualityExceptionItRaised()
    {
        factory.CreateClient();
        await using var hub = Connect(MesWebFactory.ApiKey);
        var number = await TestBatches.NewBatchAsync(factory);
        var started = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var raised = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("BatchStateChanged", e =>
        {
            if (e.GetProperty("batchNumber").GetString() == number && e.GetProperty("stepsDone").GetInt32() == 1)
                started.TrySetResult(e);
        });
        hub.On<JsonElement>("QualityExceptionChanged", e =>
        {
            if (e.GetProperty("batchNumber").GetString() == number)
                raised.TrySetResult(e);
        });
        await hub.StartAsync();
        var services = factory.Services;
        var operatorUser = await ShopFloorSetup.PersonAsync(services, "operator");
        var execution = services.GetRequiredService<PharmaMes.Infrastructure.Production.BatchExecutionService>();

        await execution.StartAsync(number, operatorUser);
        var supervisor = await ShopFloorSetup.PersonAsync(services, "supervisor");
        await execution.SkipStepAsync(number, 1, "Pre-weighed in the warehouse", new PharmaMes.Infrastructure.Signatures.SignatureCredentials("supervisor", MesWebFactory.Password), supervisor);

        var batch = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var exception = await raised.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("Running", "PendingReview", 2), (batch.GetProperty("state").GetString(), batch.GetProperty("disposition").GetString(),
            batch.GetProperty("currentStep").GetInt32()));
        Assert.Equal(("Open", 1), (exception.GetProperty("status").GetString(), exception.GetProperty("stepNumber").GetInt32()));
        Assert.StartsWith("QE-", exception.GetProperty("number").GetString());
    }

    [Fact]
    public async Task SubscribingToUnknownEquipmentIsAClearError()
    {
        await using var hub = Connect(MesWebFactory.ApiKey);
        await hub.StartAsync();

        var ex = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeEquipment", "NOPE-1"));

        Assert.Contains("NOPE-1", ex.Message);
    }

    [Fact]
    public async Task AClientWithoutAKeyOrSessionCannotConnect()
    {
        await using var hub = Connect(apiKey: null);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
    }
}
