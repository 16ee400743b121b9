using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Sparkplug.Protocol;

namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>
/// The MES as a Sparkplug B 3.0 host application: it publishes its STATE (retained, with the will
/// saying it went offline), follows every edge node's births, data and deaths, hands the values to
/// the ingest as the equipment's own device messages, quarantines what it cannot place (with the
/// reason, never guessed) and asks the edge node to be born again.
/// </summary>
public sealed partial class SparkplugHost(
    IOptions<MqttOptions> options,
    MqttClientOptionsFactory clientOptions,
    IngestQueue queue,
    IngestMetrics metrics,
    IngestBatchProcessor processor,
    PlantDirectory directory,
    IDbContextFactory<MesDbContext> contexts,
    TimeProvider clock,
    ILogger<SparkplugHost> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(string Group, string EdgeNode), SparkplugEdgeNode> _nodes = new();
    private IMqttClient? _client;

    private SparkplugOptions Sparkplug => options.Value.Sparkplug;

    public string StateTopic => $"{SparkplugTopic.Namespace}/STATE/{Sparkplug.HostId}";

    public IReadOnlyList<SparkplugNodeSummary> Nodes =>
        _nodes.Values.OrderBy(n => n.Group).ThenBy(n => n.EdgeNode).Select(n =>
        {
            lock (n)
                return new SparkplugNodeSummary(n.Group, n.EdgeNode, n.Online, n.BornAt, n.BdSeq, n.Seq, n.RebirthRequestedAt, n.RebirthReason,
                    n.Devices.OrderBy(d => d.Name).Select(d => (d.Name, d.Online, d.BornAt)).ToList());
        }).ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Sparkplug.Enabled)
            return;
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += async e =>
        {
            try
            {
                await ReceiveAsync(e.ApplicationMessage, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // MQTTnet would drop the failure without a word.
                LogReceiveFailed(ex, e.ApplicationMessage.Topic);
            }
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                try
                {
                    await ConnectAsync(client, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogConnectFailed(ex.Message);
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (client.IsConnected)
        {
            try
            {
                // A clean goodbye sends no will: say offline ourselves, as the specification asks.
                await client.PublishAsync(State(online: false), CancellationToken.None);
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The broker went first: it sends our will instead.
                LogGoodbyeFailed(ex.Message);
            }
        }
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var connect = clientOptions.Create(options.Value.ClientId + "-sparkplug", persistentSession: false);
        var will = State(online: false);
        connect.WillTopic = will.Topic;
        connect.WillPayload = will.Payload.ToArray();
        connect.WillQualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce;
        connect.WillRetain = true;
        var result = await client.ConnectAsync(connect, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"The broker refused the Sparkplug host: {result.ResultCode} {result.ReasonString}");
        // Subscribed before STATE goes out: edge nodes that see us online publish their births at once.
        var filter = $"{SparkplugTopic.Namespace}/{Sparkplug.GroupId ?? "+"}/#";
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), cancellationToken);
        await client.PublishAsync(State(online: true), cancellationToken);
        LogConnected(filter, StateTopic);
    }

    private MqttApplicationMessage State(bool online) => new MqttApplicationMessageBuilder()
        .WithTopic(StateTopic)
        .WithPayload(JsonSerializer.SerializeToUtf8Bytes(new { online, timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds() }))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithRetainFlag()
        .Build();

    private async Task ReceiveAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow();
        var topic = SparkplugTopic.TryParse(message.Topic, out _);
        if (topic is null || topic.Type is SparkplugMessageType.NCMD or SparkplugMessageType.DCMD)
            return; // STATE of hosts (ours too) and commands
        var bytes = message.Payload.ToArray();
        SparkplugPayload payload;
        try
        {
            payload = SparkplugPayload.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            await QuarantineAsync(message.Topic, bytes, receivedAt, QuarantineReason.SparkplugInvalidPayload, $"Not a Sparkplug B payload: {ex.Message}", cancellationToken);
            return;
        }
        var node = _nodes.GetOrAdd((topic.Group, topic.EdgeNode), key => new SparkplugEdgeNode(key.Group, key.EdgeNode));
        SparkplugOutcome outcome;
        lock (node)
            outcome = node.Accept(topic, payload, receivedAt);
        if (outcome.Ignored is { } ignored)
            LogIgnored(message.Topic, ignored);
        if (outcome.RebirthNeeded is { } reason)
        {
            await QuarantineAsync(message.Topic, Readable(payload), receivedAt, QuarantineReason.SparkplugRebirth, reason, cancellationToken);
            await AskRebirthAsync(node, reason, cancellationToken);
            return;
        }
        foreach (var aside in outcome.SetAside)
            await QuarantineAsync(message.Topic, Readable(payload), receivedAt, QuarantineReason.SparkplugUnmapped, aside, cancellationToken);
        await HandOverAsync(topic, outcome, payload, receivedAt, cancellationToken);
    }

    /// <summary>The values and deaths as the equipment's device messages, into the ingest queue; the payload is made readable only for a quarantine.</summary>
    private async Task HandOverAsync(SparkplugTopic topic, SparkplugOutcome outcome, SparkplugPayload payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var plant = await directory.GetAsync(cancellationToken);
        var root = options.Value.TopicRoot;
        var messages = new List<SparkplugTranslation.DeviceMessage>();
        foreach (var device in outcome.Values.Select(v => v.Device).Concat(outcome.Presence.Select(p => p.Device)).Distinct())
        {
            if (device is null)
            {
                if (outcome.Values.Any(v => v.Device is null))
                    await QuarantineAsync(topic.ToString(), Readable(payload), receivedAt, QuarantineReason.SparkplugUnmapped,
                        $"Metrics of edge node {topic.EdgeNode} itself: the MES maps a device's metrics to its equipment's tags.", cancellationToken);
                continue;
            }
            if (Place(topic, device, plant) is not { } equipment)
            {
                await QuarantineAsync(topic.ToString(), Readable(payload), receivedAt, QuarantineReason.SparkplugUnmapped, Unplaced(topic, device, plant), cancellationToken);
                continue;
            }
            if (outcome.Presence.FirstOrDefault(p => p.Device == device && p.Online) is { Device: not null } born
                && (outcome.BackOnline.Contains(device) || await IsOfflineAsync(equipment.Id, cancellationToken)))
                messages.Add(SparkplugTranslation.BackOnline(root, equipment, born.At));
            // Gateways publish more than the plant models (diagnostics, set points): a metric that is no tag of
            // the equipment is set aside, said once at its birth, and never holds back the values that are.
            var values = outcome.Values.Where(v => v.Device == device).ToList();
            var untagged = values.Select(v => v.Metric.Name)
                .Where(name => name != SparkplugTranslation.StateMetric && equipment.TagOfMetric(name) is null).Distinct().Order().ToList();
            if (untagged.Count > 0 && topic.Type == SparkplugMessageType.DBIRTH)
                await QuarantineAsync(topic.ToString(), Readable(payload), receivedAt, QuarantineReason.SparkplugUnmapped, Untagged(device, equipment, untagged), cancellationToken);
            messages.AddRange(SparkplugTranslation.Values(root, equipment, values.Where(v => !untagged.Contains(v.Metric.Name))));
            foreach (var (_, _, at) in outcome.Presence.Where(p => p.Device == device && !p.Online))
                messages.Add(SparkplugTranslation.Offline(root, equipment, at));
        }
        // Sparkplug data comes with QoS 0: there is nothing to acknowledge once stored.
        foreach (var message in messages)
        {
            metrics.MessageReceived();
            await queue.Writer.WriteAsync(new ReceivedMessage(message.Topic, message.Json, receivedAt, _ => Task.CompletedTask), cancellationToken);
        }
    }

    /// <summary>Offline as stored: a new plant's equipment, or one whose death was stored before the MES restarted.</summary>
    private async Task<bool> IsOfflineAsync(Guid equipment, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Equipment.Where(e => e.Id == equipment).Select(e => e.State).SingleAsync(cancellationToken) == EquipmentState.Offline;
    }

    /// <summary>
    /// An equipment given this explicit Sparkplug address first; else by the default rule, where the group
    /// is the site, the edge node the line and the device the equipment (an equipment with an explicit address included).
    /// </summary>
    private static PlantDirectory.Entry? Place(SparkplugTopic topic, string device, PlantDirectory.Snapshot plant)
    {
        if (plant.BySparkplugAddress?.GetValueOrDefault($"{topic.Group}/{topic.EdgeNode}/{device}") is { } explicitly)
            return explicitly;
        return plant.ByCode.TryGetValue(device, out var equipment)
            && string.Equals(equipment.Site, topic.Group, StringComparison.OrdinalIgnoreCase)
            && string.Equals(equipment.Line, topic.EdgeNode, StringComparison.OrdinalIgnoreCase)
                ? equipment
                : null;
    }

    private static string Untagged(string device, PlantDirectory.Entry equipment, IReadOnlyList<string> metrics) =>
        $"Metrics {string.Join(", ", metrics.Take(20).Select(m => $"\"{m}\""))}{(metrics.Count > 20 ? $" and {metrics.Count - 20} more" : "")} of device {device} " +
        $"are no tags of {equipment.Code}: their values are not stored. Add the tags, or give a tag its Sparkplug metric name, in the plant model.";

    private static string Unplaced(SparkplugTopic topic, string device, PlantDirectory.Snapshot plant)
    {
        var address = $"{topic.Group}/{topic.EdgeNode}/{device}";
        var noExplicit = $"no equipment has Sparkplug address {address}";
        return plant.ByCode.TryGetValue(device, out var equipment)
            ? $"Device {device} of edge node {topic.Group}/{topic.EdgeNode}: {noExplicit}, and equipment {equipment.Code} is on line {equipment.Site}/{equipment.Line}, "
              + $"so by the default rule group and edge node must be its site and line{(equipment.SparkplugAddress is { } own ? $" (or its own address {own})" : "")}."
            : $"Device {device} of edge node {topic.Group}/{topic.EdgeNode}: {noExplicit}, and by the default rule (site/line/equipment code) it is no equipment of the plant model.";
    }

    /// <summary>NCMD Node Control/Rebirth, at most once per <see cref="SparkplugOptions.RebirthIntervalSeconds"/>.</summary>
    private async Task AskRebirthAsync(SparkplugEdgeNode node, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (node)
        {
            if (node.RebirthRequestedAt is { } last && now - last < TimeSpan.FromSeconds(Sparkplug.RebirthIntervalSeconds))
                return;
            node.RebirthRequested(now, reason);
        }
        var command = new SparkplugPayload { Timestamp = (ulong)now.ToUnixTimeMilliseconds() };
        command.Metrics.Add(new SparkplugMetric { Name = "Node Control/Rebirth", Datatype = (uint)SparkplugDataType.Boolean, BooleanValue = true, Timestamp = command.Timestamp });
        var topic = $"{SparkplugTopic.Namespace}/{node.Group}/NCMD/{node.EdgeNode}";
        try
        {
            await _client!.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(command.ToByteArray())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build(), cancellationToken);
            LogRebirthAsked(node.Group, node.EdgeNode, reason);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRebirthFailed(node.Group, node.EdgeNode, ex.Message);
        }
    }

    private async Task QuarantineAsync(string topic, byte[] payload, DateTimeOffset receivedAt, string code, string detail, CancellationToken cancellationToken)
    {
        try
        {
            await processor.QuarantineAsync(new ReceivedMessage(topic, payload, receivedAt, _ => Task.CompletedTask), new QuarantineReason(code, detail), cancellationToken);
            metrics.MessageQuarantined(code);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogQuarantineFailed(ex, topic, detail);
        }
    }

    /// <summary>The payload as JSON, so that an engineer can read a quarantined protobuf on /ingest.</summary>
    private static byte[] Readable(SparkplugPayload payload) => Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(payload));

    [LoggerMessage(Level = LogLevel.Information, Message = "Sparkplug host subscribed to {Filter}, online on {StateTopic}")]
    private partial void LogConnected(string filter, string stateTopic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Sparkplug host cannot reach the broker: {Error}")]
    private partial void LogConnectFailed(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Sparkplug message on {Topic} could not be handled")]
    private partial void LogReceiveFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Sparkplug host could not say goodbye ({Error}); the broker publishes its will")]
    private partial void LogGoodbyeFailed(string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sparkplug message on {Topic} ignored: {Why}")]
    private partial void LogIgnored(string topic, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asked Sparkplug edge node {Group}/{EdgeNode} to be born again: {Reason}")]
    private partial void LogRebirthAsked(string group, string edgeNode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking Sparkplug edge node {Group}/{EdgeNode} to be born again failed: {Error}")]
    private partial void LogRebirthFailed(string group, string edgeNode, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Sparkplug message on {Topic} could not be quarantined ({Detail})")]
    private partial void LogQuarantineFailed(Exception exception, string topic, string detail);
}
