using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Publishes each equipment's status in context as a retained message on
/// <c>{equipment topic}/status</c>, at start and on every change, so a supply-chain platform
/// subscribes instead of polling. Only the MES may publish these topics.
/// </summary>
public sealed partial class EquipmentStatusPublisher(
    LiveEvents notifier,
    LivePlant live,
    PlantDirectory directory,
    IDbContextFactory<MesDbContext> contexts,
    MqttClientOptionsFactory clientOptions,
    IOptions<MqttOptions> options,
    ILogger<EquipmentStatusPublisher> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    /// <summary>Queued when the connection drops; no equipment has an empty code.</summary>
    private const string Disconnected = "";

    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The retained status message; <c>currentBatch</c> is null while no batch runs on it.</summary>
    public sealed record EquipmentStatus(string Equipment, string Line, string State, DateTimeOffset? Since, string? Reason, string? CurrentBatch);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Action<EquipmentStateChanged> onChange = change => _changed.Writer.TryWrite(change.EquipmentCode);
        Action<EquipmentBatchChanged> onBatch = change => _changed.Writer.TryWrite(change.EquipmentCode);
        // Published to MQTT once, by the node where the change happened.
        using var stateSubscription = notifier.Subscribe(onChange, LiveEventScope.ThisNode);
        using var batchSubscription = notifier.Subscribe(onBatch, LiveEventScope.ThisNode);
        using var client = new MqttClientFactory().CreateMqttClient();
        // Wakes the loop when the broker goes away: it reconnects at once, not at the next change.
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected)
                _changed.Writer.TryWrite(Disconnected);
            return Task.CompletedTask;
        };
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!client.IsConnected)
                {
                    if (!await TryConnectAsync(client, stoppingToken))
                    {
                        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                        continue;
                    }
                    // Everything on every connection: a broker restarted without its store has lost the retained statuses.
                    foreach (var equipment in live.All)
                        await PublishAsync(client, equipment.Code, stoppingToken);
                }
                var code = await _changed.Reader.ReadAsync(stoppingToken);
                if (code != Disconnected)
                    await PublishAsync(client, code, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishAsync(IMqttClient client, string code, CancellationToken cancellationToken)
    {
        var plant = await directory.GetAsync(cancellationToken);
        if (!plant.ByCode.TryGetValue(code, out var entry) || live.Find(code) is not { State: { } state } current)
            return;
        var topic = DeviceTopic.BaseOf(options.Value.TopicRoot, entry.Site, entry.Area, entry.Line, entry.Code) + "/status";
        try
        {
            // Inside the try: a busy database at start-up delays this status, it does not stop the publisher.
            var status = new EquipmentStatus(entry.Code, entry.Line, state.ToString(), current.StateSince, current.StateReason,
                await CurrentBatchAsync(entry.Code, cancellationToken));
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(status, Json)))
                .WithContentType("application/json")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag()
                .Build(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The broker going away while the app stops is the normal end, not a failure.
            if (!cancellationToken.IsCancellationRequested)
                LogPublishFailed(topic, ex.Message);
            _changed.Writer.TryWrite(code); // try again after reconnecting
        }
    }

    /// <summary>The batch with a step started and not yet done on the equipment, if any.</summary>
    private async Task<string?> CurrentBatchAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var equipment = new PlantCode(code);
        var batchId = await db.BatchSteps.AsNoTracking()
            .Where(s => s.EquipmentCode == equipment && (s.State == StepState.InProgress || s.State == StepState.AwaitingVerification))
            .Select(s => (Guid?)s.BatchId).FirstOrDefaultAsync(cancellationToken);
        return batchId is null ? null
            : (await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.Number).SingleAsync(cancellationToken)).Value;
    }

    private async Task<bool> TryConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.ConnectAsync(clientOptions.Create(options.Value.ClientId + "-status", persistentSession: false), cancellationToken);
            return result.ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!cancellationToken.IsCancellationRequested)
                LogConnectFailed(ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing equipment status to {Topic} failed: {Error}")]
    private partial void LogPublishFailed(string topic, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The status publisher cannot reach the broker: {Error}")]
    private partial void LogConnectFailed(string error);
}
