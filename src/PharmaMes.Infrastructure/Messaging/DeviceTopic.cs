namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// A device topic of the contract: <c>{root}/{site}/{area}/{line}/{equipment}/{telemetry|state|counts}</c>.
/// Codes are compared upper-case, as the plant hierarchy stores them.
/// </summary>
public sealed record DeviceTopic(string Site, string Area, string Line, string Equipment, DeviceMessageKind Kind)
{
    public static string BaseOf(string root, string site, string area, string line, string equipment) =>
        $"{root}/{site}/{area}/{line}/{equipment}";

    /// <summary>Parses a topic, or says why it is not a device topic of the contract.</summary>
    public static DeviceTopic? Parse(string root, string topic, out string? problem)
    {
        var levels = topic.Split('/');
        if (levels.Length != 6 || levels[0] != root)
        {
            problem = $"The topic is not {root}/{{site}}/{{area}}/{{line}}/{{equipment}}/telemetry|state|counts.";
            return null;
        }
        if (levels.Skip(1).Take(4).Any(string.IsNullOrWhiteSpace))
        {
            problem = "The topic has an empty level.";
            return null;
        }
        DeviceMessageKind? kind = levels[5] switch
        {
            "telemetry" => DeviceMessageKind.Telemetry,
            "state" => DeviceMessageKind.State,
            "counts" => DeviceMessageKind.Counts,
            _ => null,
        };
        if (kind is null)
        {
            problem = $"The last topic level '{levels[5]}' is not telemetry, state or counts.";
            return null;
        }
        problem = null;
        return new DeviceTopic(levels[1].ToUpperInvariant(), levels[2].ToUpperInvariant(), levels[3].ToUpperInvariant(), levels[4].ToUpperInvariant(), kind.Value);
    }
}
