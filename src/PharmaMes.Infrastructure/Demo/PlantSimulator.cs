using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Cluster;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Plant;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// The demo plant's devices: every equipment publishes its state, telemetry and counters over
/// MQTT exactly as a real device would (docs/mqtt-contract.md), so the whole live path runs. In a cluster only the
/// leader simulates, so the plant has one set of devices whichever nodes enable the demo.
/// </summary>
public sealed partial class PlantSimulator(
    IDbContextFactory<MesDbContext> contexts,
    MqttClientOptionsFactory clientOptions,
    IOptions<MqttOptions> mqttOptions,
    IOptions<SimulatorOptions> simulatorOptions,
    ClusterLeadership leadership,
    TimeProvider clock,
    ILogger<PlantSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulator = simulatorOptions.Value;
        var equipment = await LoadAsync(simulator, stoppingToken);
        using var client = new MqttClientFactory().CreateMqttClient();
        var interval = TimeSpan.FromSeconds(simulator.IntervalSeconds);
        var tick = 0L;
        LogStarted(equipment.Count, simulator.IntervalSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // One set of devices for the cluster: the leader's (a node alone always leads).
                if (!leadership.IsLeader)
                    continue;
                if (!client.IsConnected && !await TryConnectAsync(client, stoppingToken))
                    continue;
                tick++;
                foreach (var machine in equipment)
                    await PublishAsync(client, machine, tick, simulator, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishAsync(IMqttClient client, SimulatedEquipment machine, long tick, SimulatorOptions simulator, CancellationToken cancellationToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            var ts = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var before = machine.State;
            if (machine.Step() is { } change)
            {
                var reason = change.Reason is null ? "null" : $"\"{change.Reason}\"";
                // A unit with its own CIP/SIP skid reports the cycle it just ended (docs/mqtt-contract.md); a person verifies it.
                var cleaning = before == EquipmentState.Cleaning && change.State == EquipmentState.Idle && machine.CleansInPlace
                    ? $",\"cleaning\":{{\"program\":\"CIP-1\",\"agent\":\"1 % NaOH, WFI rinse\",\"startedAt\":\"{machine.StateSince.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\",\"result\":\"Passed\"}}"
                    : "";
                await SendAsync(client, $"{machine.BaseTopic}/state", $"{{\"ts\":\"{ts}\",\"state\":\"{change.State}\",\"reason\":{reason}{cleaning}}}", cancellationToken);
                machine.StateSince = now;
            }
            if (machine.Sample(simulator.IntervalSeconds) is { } values)
            {
                var json = string.Join(",", values.Select(v => $"\"{v.Key}\":{v.Value.ToString("R", CultureInfo.InvariantCulture)}"));
                await SendAsync(client, $"{machine.BaseTopic}/telemetry", $"{{\"ts\":\"{ts}\",\"values\":{{{json}}}}}", cancellationToken);
            }
            if (machine.HasCounters && tick % 5 == 0)
                await SendAsync(client, $"{machine.BaseTopic}/counts", $"{{\"ts\":\"{ts}\",\"good\":{machine.Good},\"reject\":{machine.Reject}}}", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(machine.Code, ex.Message);
        }
    }

    private static Task SendAsync(IMqttClient client, string topic, string json, CancellationToken cancellationToken) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(json))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    private async Task<bool> TryConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.ConnectAsync(clientOptions.Create("pharmames-simulator", persistentSession: false), cancellationToken);
            return result.ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogConnectFailed(ex.Message);
            return false;
        }
    }

    private async Task<List<SimulatedEquipment>> LoadAsync(SimulatorOptions simulator, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.WholePlant().ToListAsync(cancellationToken);
        var root = mqttOptions.Value.TopicRoot;
        var random = new Random();
        return (from site in sites
                from area in site.Areas
                from line in area.Lines
                from equipment in line.Equipment
                select new SimulatedEquipment(equipment.Code.Value,
                    DeviceTopic.BaseOf(root, site.Code.Value, area.Code.Value, line.Code.Value, equipment.Code.Value),
                    equipment.Class, equipment.State, equipment.Tags.ToList(), new Random(random.Next()), simulator.Eventfulness)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plant simulator publishing for {Count} equipment every {Seconds} s")]
    private partial void LogStarted(int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plant simulator cannot reach the broker: {Error}")]
    private partial void LogConnectFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plant simulator failed to publish for {Equipment}: {Error}")]
    private partial void LogPublishFailed(string equipment, string error);
}
