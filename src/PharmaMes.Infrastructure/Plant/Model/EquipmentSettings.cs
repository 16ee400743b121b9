namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>The engineering settings of an equipment: cleaning hold times and calibration interval; null where not set.</summary>
/// <param name="IdealRatePerMinute">Units a minute at which OEE's performance is 100 %.</param>
/// <param name="ProductIdealRates">The ideal rates of particular products on the equipment (an empty list clears them).</param>
public sealed record EquipmentSettings(double? CleanHoldHours, double? DirtyHoldHours, bool? ProductChangeNeedsMajorClean, int? CalibrationIntervalDays,
    double? IdealRatePerMinute = null, IReadOnlyList<Domain.Plant.ProductIdealRate>? ProductIdealRates = null);
