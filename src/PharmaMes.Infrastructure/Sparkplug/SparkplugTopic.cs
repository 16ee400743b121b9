namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>
/// A Sparkplug B topic: <c>spBv1.0/{group}/{type}/{edge node}</c> for the node's own messages,
/// <c>.../{device}</c> for a device behind it. STATE topics (<c>spBv1.0/STATE/{host}</c>) are
/// host applications', not edge nodes'.
/// </summary>
public sealed record SparkplugTopic(string Group, SparkplugMessageType Type, string EdgeNode, string? Device)
{
    public const string Namespace = "spBv1.0";

    /// <summary>The node's own messages carry no device; DBIRTH, DDATA, DDEATH and DCMD must.</summary>
    public bool IsDeviceMessage => Type is SparkplugMessageType.DBIRTH or SparkplugMessageType.DDATA
        or SparkplugMessageType.DDEATH or SparkplugMessageType.DCMD;

    public override string ToString() =>
        $"{Namespace}/{Group}/{Type}/{EdgeNode}" + (Device is null ? "" : "/" + Device);

    /// <summary>Null with the reason when the topic is not an edge node's Sparkplug B topic.</summary>
    public static SparkplugTopic? TryParse(string topic, out string? problem)
    {
        var levels = topic.Split('/');
        problem = null;
        if (levels[0] != Namespace)
            problem = $"\"{topic}\" is not in the {Namespace} namespace.";
        else if (levels.Length >= 2 && levels[1] == "STATE")
            problem = $"\"{topic}\" is a host application's STATE, not an edge node's message.";
        else if (levels.Length is < 4 or > 5)
            problem = $"\"{topic}\" must be {Namespace}/group/type/edge node[/device].";
        else if (levels.Skip(1).Any(string.IsNullOrEmpty))
            problem = $"\"{topic}\" has an empty level.";
        else if (!Enum.TryParse<SparkplugMessageType>(levels[2], ignoreCase: false, out var type) || !Enum.IsDefined(type))
            problem = $"\"{levels[2]}\" is not a Sparkplug B message type (NBIRTH, NDEATH, DBIRTH, DDEATH, NDATA, DDATA, NCMD, DCMD).";
        else
        {
            var parsed = new SparkplugTopic(levels[1], type, levels[3], levels.Length == 5 ? levels[4] : null);
            if (parsed.IsDeviceMessage != (parsed.Device is not null))
                problem = parsed.IsDeviceMessage
                    ? $"A {type} names its device: \"{topic}\" has none."
                    : $"A {type} is the edge node's own: \"{topic}\" names a device.";
            else
                return parsed;
        }
        return null;
    }
}
