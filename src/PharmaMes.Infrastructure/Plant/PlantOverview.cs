using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant;

/// <summary>The plant hierarchy as one site sees it, with what each equipment's fitness for use is now.</summary>
public sealed record PlantOverview(string SiteCode, string SiteName, IReadOnlyList<AreaOverview> Areas, DateTimeOffset AsOf);

public sealed record AreaOverview(string Code, string Name, IReadOnlyList<LineOverview> Lines);

public sealed record LineOverview(string Code, string Name, IReadOnlyList<EquipmentOverview> Equipment);

public sealed record EquipmentOverview(
    string Code,
    string Name,
    EquipmentClass Class,
    EquipmentState State,
    DateTimeOffset StateSince,
    string? StateReason,
    CleaningStatus CleaningStatus,
    DateTimeOffset? CleanUntil,
    DateOnly? CalibrationDueOn,
    bool IsCalibrated,
    IReadOnlyList<string> ReasonsNotUsable,
    IReadOnlyList<TagOverview> Tags)
{
    /// <summary>The equipment status people act on (Clean, In use, Dirty, Cleaning, Maintenance, Calibration due, Retired).</summary>
    public EquipmentStatus Status { get; init; }
}

public sealed record TagOverview(string Name, string Description, string Unit, double NormalLow, double NormalHigh, double AlarmLow, double AlarmHigh);
