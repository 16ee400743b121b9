namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Who may publish what at the embedded broker. A forged value in a GMP record is a
/// data-integrity failure, so devices publish only their own equipment's device topics, at the
/// equipment's place in the plant, and only the MES publishes status and <c>_mes</c> topics.
/// Only the MES retains messages: a retained device reading would be handed to every later
/// subscriber as if it were current.
/// </summary>
public sealed class BrokerAccessPolicy(string topicRoot)
{
    public bool MayPublish(BrokerClient client, string topic, bool retain, out string? refusal)
    {
        refusal = null;
        if (client.Kind == BrokerClientKind.Mes)
            return true;
        if (retain)
        {
            refusal = $"{client.Name} may not publish retained messages (on '{topic}'): only the MES retains.";
            return false;
        }
        // Sparkplug B edge nodes in demo mode; commands are the host's to send.
        if (client.Kind == BrokerClientKind.Anonymous && Sparkplug.SparkplugTopic.TryParse(topic, out _) is { } sparkplug
            && sparkplug.Type is not (Sparkplug.SparkplugMessageType.NCMD or Sparkplug.SparkplugMessageType.DCMD))
            return true;
        var deviceTopic = DeviceTopic.Parse(topicRoot, topic, out _);
        if (deviceTopic is null)
        {
            refusal = $"{client.Name} may publish only device topics ({topicRoot}/site/area/line/equipment/telemetry|state|counts), not '{topic}'.";
            return false;
        }
        if (client.Kind != BrokerClientKind.Device)
            return true;
        if (!string.Equals(deviceTopic.Equipment, client.EquipmentCode, StringComparison.OrdinalIgnoreCase))
        {
            refusal = $"{client.Name} may publish only for equipment {client.EquipmentCode}, not {deviceTopic.Equipment}.";
            return false;
        }
        var at = DeviceTopic.BaseOf(topicRoot, deviceTopic.Site, deviceTopic.Area, deviceTopic.Line, deviceTopic.Equipment);
        if (client.TopicBase is null)
        {
            refusal = $"{client.Name} may publish nothing: the plant model has no equipment {client.EquipmentCode}.";
            return false;
        }
        if (!string.Equals(at, client.TopicBase, StringComparison.OrdinalIgnoreCase))
        {
            refusal = $"{client.Name} may publish for {client.EquipmentCode} only where the plant model places it, {client.TopicBase}/telemetry|state|counts, not '{topic}'.";
            return false;
        }
        return true;
    }

    /// <summary>
    /// A device reads only its own equipment's topics (its status, say), never the rest of the
    /// plant; the MES and, in demo mode, anonymous clients may subscribe to anything.
    /// </summary>
    public bool MaySubscribe(BrokerClient client, string topicFilter, out string? refusal)
    {
        refusal = null;
        if (client.Kind != BrokerClientKind.Device)
            return true;
        var levels = topicFilter.Split('/');
        var own = levels.Length >= 5 && levels[0] == topicRoot
            && string.Equals(levels[4], client.EquipmentCode, StringComparison.OrdinalIgnoreCase)
            && !levels.Take(4).Contains("#");
        if (!own)
            refusal = $"{client.Name} may subscribe only under its equipment {client.EquipmentCode} ({topicRoot}/+/+/+/{client.EquipmentCode}/#), not '{topicFilter}'.";
        return own;
    }
}
