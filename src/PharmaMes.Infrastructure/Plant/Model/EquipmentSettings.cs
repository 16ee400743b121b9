namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>The engineering settings of an equipment: cleaning hold times and calibration interval; null where not set.</summary>
public sealed record EquipmentSettings(double? CleanHoldHours, double? DirtyHoldHours, bool? ProductChangeNeedsMajorClean, int? CalibrationIntervalDays);
