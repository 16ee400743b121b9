using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// Where a Sparkplug B device publishes: its group id, edge node id and device id. Equipment without
/// one is placed by the default rule (site code, line code, equipment code); one given here is for a
/// gateway whose names cannot change. Each id is a topic segment: letters, digits, '_', '.' and '-',
/// never '/', '+' or '#'. Addresses are compared without regard to case, as the default rule is.
/// </summary>
public sealed partial record SparkplugAddress
{
    public const int MaxLength = 64;

    public string GroupId { get; }
    public string EdgeNodeId { get; }
    public string DeviceId { get; }

    public SparkplugAddress(string groupId, string edgeNodeId, string deviceId)
    {
        GroupId = Id(groupId, "group id");
        EdgeNodeId = Id(edgeNodeId, "edge node id");
        DeviceId = Id(deviceId, "device id");
    }

    /// <summary>The address typed as three optional fields: none given is no address (the default rule), all three an address, some a mistake.</summary>
    public static SparkplugAddress? From(string? groupId, string? edgeNodeId, string? deviceId)
    {
        string?[] given = [groupId, edgeNodeId, deviceId];
        if (given.All(string.IsNullOrWhiteSpace))
            return null;
        if (given.Any(string.IsNullOrWhiteSpace))
            throw new DomainException("A Sparkplug address needs all three of group id, edge node id and device id, or none (then site, line and equipment code are used).");
        return new SparkplugAddress(groupId!, edgeNodeId!, deviceId!);
    }

    /// <summary>The address the default rule gives equipment: site code, line code, equipment code.</summary>
    public static SparkplugAddress Default(PlantCode site, PlantCode line, PlantCode equipment) => new(site.Value, line.Value, equipment.Value);

    public bool SameAs(SparkplugAddress other) => Matches(other.GroupId, other.EdgeNodeId, other.DeviceId);

    public bool Matches(string groupId, string edgeNodeId, string deviceId) =>
        string.Equals(GroupId, groupId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(EdgeNodeId, edgeNodeId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(DeviceId, deviceId, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{GroupId}/{EdgeNodeId}/{DeviceId}";

    private static string Id(string? value, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainException($"A Sparkplug {what} is required.");
        if (!Pattern().IsMatch(text))
            throw new DomainException(
                $"The Sparkplug {what} '{text}' may hold only letters, digits, '_', '.' and '-' (at most {MaxLength}), never '/', '+', '#' or spaces.");
        return text;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex Pattern();
}
