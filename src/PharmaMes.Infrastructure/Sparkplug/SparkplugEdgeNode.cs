using PharmaMes.Infrastructure.Sparkplug.Protocol;

namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>
/// What the host application knows of one edge node and its devices (Sparkplug 3.0): the session
/// its NBIRTH opened (bdSeq), the metrics each birth declared by name and alias, the message
/// sequence 0-255, and who is online. A message it cannot place with certainty (a seq gap, an
/// unknown alias, data before a birth) is not guessed at: the session is distrusted until the
/// node is born again.
/// </summary>
public sealed class SparkplugEdgeNode(string group, string edgeNode)
{
    /// <summary>The NBIRTH and NDEATH metric that ties a death to the birth it ends.</summary>
    public const string BirthDeathSequence = "bdSeq";

    private readonly Dictionary<string, SparkplugDevice> _devices = new(StringComparer.Ordinal);
    private SparkplugMetrics _metrics = new();
    private bool _trusted;

    public string Group { get; } = group;
    public string EdgeNode { get; } = edgeNode;
    public bool Online { get; private set; }
    public DateTimeOffset? BornAt { get; private set; }
    public ulong? BdSeq { get; private set; }
    public int? Seq { get; private set; }
    public DateTimeOffset? RebirthRequestedAt { get; private set; }
    public string? RebirthReason { get; private set; }
    public IReadOnlyCollection<SparkplugDevice> Devices => _devices.Values;

    /// <summary>Called when the host has sent NCMD Node Control/Rebirth.</summary>
    public void RebirthRequested(DateTimeOffset at, string reason)
    {
        RebirthRequestedAt = at;
        RebirthReason = reason;
    }

    public SparkplugOutcome Accept(SparkplugTopic topic, SparkplugPayload payload, DateTimeOffset receivedAt)
    {
        var outcome = new SparkplugOutcome();
        var sentAt = payload.HasTimestamp ? DateTimeOffset.FromUnixTimeMilliseconds((long)payload.Timestamp) : receivedAt;
        switch (topic.Type)
        {
            case SparkplugMessageType.NBIRTH:
                Born(payload, sentAt, outcome);
                break;
            case SparkplugMessageType.NDEATH:
                Died(payload, sentAt, outcome);
                break;
            case SparkplugMessageType.NCMD or SparkplugMessageType.DCMD:
                outcome.Ignored = $"A {topic.Type} is a command to the edge node, not data from it.";
                break;
            default:
                if (!InSequence(topic, payload, outcome))
                    break;
                if (topic.Type == SparkplugMessageType.DBIRTH)
                    DeviceBorn(topic.Device!, payload, sentAt, outcome);
                else if (topic.Type == SparkplugMessageType.DDEATH)
                    DeviceDied(topic.Device!, sentAt, outcome);
                else if (topic.Type == SparkplugMessageType.NDATA)
                    Data(null, _metrics, payload, sentAt, outcome);
                else if (_devices.TryGetValue(topic.Device!, out var device) && device.Online)
                    Data(device.Name, device.Metrics, payload, sentAt, outcome);
                else
                    Distrust(outcome, $"DDATA from device \"{topic.Device}\" of {EdgeNode}, which has no DBIRTH in this session.");
                break;
        }
        return outcome;
    }

    private void Born(SparkplugPayload payload, DateTimeOffset at, SparkplugOutcome outcome)
    {
        var bdSeq = payload.Metrics.FirstOrDefault(m => m.Name == BirthDeathSequence);
        if (bdSeq is null || bdSeq.ValueCase != SparkplugMetric.ValueOneofCase.LongValue)
        {
            Distrust(outcome, $"The NBIRTH of {EdgeNode} has no {BirthDeathSequence} metric: its death could not be told from an older one.");
            return;
        }
        // A node born again while online (asked to, or reconnected before its old will arrived) has
        // lost no device: each must be born again before its data counts, but its equipment keeps
        // its state. Taking it Offline for the moment between births would record outages that never were.
        foreach (var device in _devices.Values)
            device.Online = false;
        _metrics = new SparkplugMetrics();
        BdSeq = bdSeq.LongValue;
        Seq = payload.HasSeq ? (int)(payload.Seq % 256) : 0;
        BornAt = at;
        Online = true;
        _trusted = true;
        RebirthRequestedAt = null;
        RebirthReason = null;
        outcome.Presence.Add((null, true, at));
        Declare(null, _metrics, payload, at, outcome);
    }

    private void Died(SparkplugPayload payload, DateTimeOffset at, SparkplugOutcome outcome)
    {
        var bdSeq = payload.Metrics.FirstOrDefault(m => m.Name == BirthDeathSequence);
        if (bdSeq is null || bdSeq.LongValue != BdSeq)
        {
            // The broker sends a node's will when its connection drops: after a reconnection, the
            // old connection's will arrives with the old bdSeq and must not kill the new session.
            outcome.Ignored = $"NDEATH of {EdgeNode} with {BirthDeathSequence} {(bdSeq is null ? "missing" : bdSeq.LongValue.ToString())}, " +
                $"not the current session's {BdSeq?.ToString() ?? "(none)"}.";
            return;
        }
        Online = false;
        _trusted = false;
        outcome.Presence.Add((null, false, at));
        foreach (var device in _devices.Values.Where(d => d.Online))
        {
            device.Online = false;
            device.TakenOffline = true;
            outcome.Presence.Add((device.Name, false, at));
        }
    }

    private void DeviceBorn(string name, SparkplugPayload payload, DateTimeOffset at, SparkplugOutcome outcome)
    {
        if (!_devices.TryGetValue(name, out var device))
            _devices[name] = device = new SparkplugDevice(name);
        device.Metrics = new SparkplugMetrics();
        device.Online = true;
        device.BornAt = at;
        if (device.TakenOffline)
        {
            device.TakenOffline = false;
            outcome.BackOnline.Add(name);
        }
        outcome.Presence.Add((name, true, at));
        Declare(name, device.Metrics, payload, at, outcome);
    }

    private void DeviceDied(string name, DateTimeOffset at, SparkplugOutcome outcome)
    {
        if (_devices.TryGetValue(name, out var device) && device.Online)
        {
            device.Online = false;
            device.TakenOffline = true;
            outcome.Presence.Add((name, false, at));
        }
    }

    /// <summary>A birth: every metric's name, alias, type and unit, and its current value.</summary>
    private static void Declare(string? device, SparkplugMetrics metrics, SparkplugPayload payload, DateTimeOffset at, SparkplugOutcome outcome)
    {
        foreach (var metric in payload.Metrics)
        {
            if (string.IsNullOrEmpty(metric.Name) || metric.Name == BirthDeathSequence)
                continue;
            var definition = new SparkplugMetricDefinition(metric.Name, metric.HasAlias ? metric.Alias : null,
                Enum.IsDefined((SparkplugDataType)metric.Datatype) ? (SparkplugDataType)metric.Datatype : SparkplugDataType.Unknown,
                SparkplugMetricReader.Unit(metric));
            metrics.Declare(definition);
            // Node Control metrics are the node's command inputs, not process values.
            if (!metric.Name.StartsWith("Node Control/", StringComparison.Ordinal) && (metric.ValueCase != SparkplugMetric.ValueOneofCase.None || metric.IsNull))
                Read(device, definition, metric, at, outcome);
        }
    }

    private void Data(string? device, SparkplugMetrics metrics, SparkplugPayload payload, DateTimeOffset at, SparkplugOutcome outcome)
    {
        var known = new List<(SparkplugMetricDefinition, SparkplugMetric)>();
        foreach (var metric in payload.Metrics)
        {
            var definition = metric.HasAlias ? metrics.ByAlias(metric.Alias) : metrics.ByName(metric.Name);
            if (definition is null)
            {
                Distrust(outcome, metric.HasAlias
                    ? $"Alias {metric.Alias} is not in the birth of {device ?? EdgeNode}."
                    : $"Metric \"{metric.Name}\" is not in the birth of {device ?? EdgeNode}.");
                return;
            }
            known.Add((definition, metric));
        }
        foreach (var (definition, metric) in known)
            Read(device, definition, metric, at, outcome);
    }

    private static void Read(string? device, SparkplugMetricDefinition definition, SparkplugMetric metric, DateTimeOffset sentAt, SparkplugOutcome outcome)
    {
        var value = SparkplugMetricReader.Read(metric, definition.DataType, out var problem);
        if (value is null)
        {
            outcome.SetAside.Add(problem!);
            return;
        }
        var at = metric.HasTimestamp ? DateTimeOffset.FromUnixTimeMilliseconds((long)metric.Timestamp) : sentAt;
        outcome.Values.Add(new SparkplugValue(device, definition, at, value.Value.Number, value.Value.Text, metric.IsNull, metric.IsHistorical));
    }

    /// <summary>Seq runs 0-255 and wraps, across the node's births, deaths and data since its NBIRTH.</summary>
    private bool InSequence(SparkplugTopic topic, SparkplugPayload payload, SparkplugOutcome outcome)
    {
        if (!_trusted || !Online)
        {
            Distrust(outcome, Online
                ? $"{topic.Type} of {EdgeNode} while the host waits for its rebirth ({RebirthReason})."
                : $"{topic.Type} of {EdgeNode}, which has no NBIRTH in this session.");
            return false;
        }
        var seq = payload.HasSeq ? (int)(payload.Seq % 256) : -1;
        var expected = (Seq!.Value + 1) % 256;
        if (seq != expected)
        {
            Distrust(outcome, seq < 0
                ? $"{topic.Type} of {EdgeNode} has no seq (expected {expected})."
                : $"{topic.Type} of {EdgeNode} has seq {seq}, expected {expected}: {(seq - expected + 256) % 256} messages are missing or out of order.");
            return false;
        }
        Seq = seq;
        return true;
    }

    private void Distrust(SparkplugOutcome outcome, string reason)
    {
        _trusted = false;
        outcome.RebirthNeeded = reason;
    }
}
