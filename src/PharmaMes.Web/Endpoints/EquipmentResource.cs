using PharmaMes.Domain.Plant;

namespace PharmaMes.Web.Endpoints;

/// <summary>An equipment as the REST API shows it: where it is, its MQTT topic, its state and latest values, its status and why it may not take a batch.</summary>
public sealed record EquipmentResource(
    string Code,
    string Name,
    EquipmentClass Class,
    string Site,
    string Area,
    string Line,
    string Topic,
    EquipmentState State,
    DateTimeOffset StateSince,
    string? StateReason,
    IReadOnlyDictionary<string, LatestValue> Values,
    IReadOnlyList<TagResource>? Tags,
    EquipmentStatus Status,
    IReadOnlyList<string> ReasonsNotUsable);

public sealed record LatestValue(double Value, string Unit, DateTimeOffset Ts);

public sealed record TagResource(string Name, string Description, string Unit, double NormalLow, double NormalHigh, double AlarmLow, double AlarmHigh);
