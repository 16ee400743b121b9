using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace PharmaMes.Web.Tests.Messaging;

/// <summary>The MES publishes each equipment's status, retained, so a platform can subscribe instead of polling.</summary>
public class EquipmentStatusTopics(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private const string PressStatus = "mes/PLANT1/OSD/OSD-L1/TP-01/status";
    private const string BoothStatus = "mes/PLANT1/OSD/OSD-L1/DISP-01/status";

    private async Task<IMqttClient> ConnectAsync()
    {
        factory.CreateClient(); // starts the app and its broker
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", factory.BrokerPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("status-watcher-" + Guid.NewGuid().ToString("N")[..6]).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    [Fact]
    public async Task ASubscriberFindsTheRetainedStatusAndEachChange()
    {
        using var client = await ConnectAsync();
        var statuses = new List<JsonElement>();
        var gotRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gotDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var status = JsonDocument.Parse(e.ApplicationMessage.Payload.ToArray()).RootElement.Clone();
            lock (statuses) statuses.Add(status);
            if (status.GetProperty("state").GetString() == "Running") gotRunning.TrySetResult();
            if (status.GetProperty("state").GetString() == "Down") gotDown.TrySetResult();
            return Task.CompletedTask;
        };

        // The first status is published once the app is up; poll-subscribe until it is there.
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(PressStatus, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await gotRunning.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var ts = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("mes/PLANT1/OSD/OSD-L1/TP-01/state")
            .WithPayload(Encoding.UTF8.GetBytes($"{{\"ts\":\"{ts}\",\"state\":\"Down\",\"reason\":\"Lubrication alarm\"}}"))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await gotDown.Task.WaitAsync(TimeSpan.FromSeconds(30));

        JsonElement down;
        lock (statuses) down = statuses.Last(s => s.GetProperty("state").GetString() == "Down");
        Assert.Equal("TP-01", down.GetProperty("equipment").GetString());
        Assert.Equal("OSD-L1", down.GetProperty("line").GetString());
        Assert.Equal("Lubrication alarm", down.GetProperty("reason").GetString());
        // The demo's running batch is compressing on TP-01: its step stays in progress while the press is down (the batch is held).
        var running = (await factory.Services.GetRequiredService<PharmaMes.Infrastructure.Production.BatchReviewService>().ListAsync())
            .Single(b => b.State is "Running" or "Held" && b.ProductCode == "FG-PARA500");
        Assert.Equal(running.Number, down.GetProperty("currentBatch").GetString());
    }

    [Fact]
    public async Task TheStatusNamesTheBatchWhileOneOfItsStepsRunsOnTheEquipment()
    {
        using var client = await ConnectAsync();
        var number = await Batches.TestBatches.NewBatchAsync(factory);
        var operatorUser = await Batches.TestBatches.PersonAsync(factory.Services, "operator");
        var withBatch = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var status = JsonDocument.Parse(e.ApplicationMessage.Payload.ToArray()).RootElement.Clone();
            if (status.GetProperty("currentBatch").GetString() == number)
                withBatch.TrySetResult(status);
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(BoothStatus, MqttQualityOfServiceLevel.AtLeastOnce).Build());

        var execution = factory.Services.GetRequiredService<PharmaMes.Infrastructure.Production.BatchExecutionService>();
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        var status = await withBatch.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("DISP-01", status.GetProperty("equipment").GetString());
        Assert.Equal(number, status.GetProperty("currentBatch").GetString());
    }

    [Fact]
    public async Task ADeviceCannotPublishAStatusTopic()
    {
        using var client = await ConnectAsync();

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(PressStatus)
            .WithPayload("{\"state\":\"Running\"}"u8.ToArray()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.False(result.IsSuccess);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }
}
