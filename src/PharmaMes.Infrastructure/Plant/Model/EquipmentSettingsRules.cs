using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>
/// Applies the engineering settings of a described equipment through the equipment's own rules.
/// A setting left out (null) keeps what the equipment has, so a file that only lists tags changes no cleaning rule.
/// </summary>
internal static class EquipmentSettingsRules
{
    /// <summary>True when a setting changed.</summary>
    public static bool Apply(Equipment equipment, EquipmentSettings settings)
    {
        var current = equipment.CleaningRules;
        var rules = new CleaningRules(
            settings.CleanHoldHours is { } clean ? Hours(clean) : current.CleanHoldTime,
            settings.DirtyHoldHours is { } dirty ? Hours(dirty) : current.DirtyHoldTime,
            settings.ProductChangeNeedsMajorClean ?? current.ProductChangeNeedsMajorClean);
        var changed = false;
        if (rules != current)
        {
            equipment.SetCleaningRules(rules);
            changed = true;
        }
        if (settings.CalibrationIntervalDays is { } days && days != equipment.CalibrationIntervalDays)
        {
            equipment.SetCalibrationInterval(days);
            changed = true;
        }
        if (settings.IdealRatePerMinute is { } rate && rate != equipment.IdealRatePerMinute)
        {
            equipment.SetIdealRate(rate);
            changed = true;
        }
        if (settings.ProductIdealRates is { } rates)
        {
            var before = equipment.ProductRates;
            equipment.SetProductRates(rates);
            changed |= !before.SequenceEqual(equipment.ProductRates);
        }
        return changed;
    }

    public static EquipmentSettings Of(Equipment equipment) =>
        new(equipment.CleanHoldTime.TotalHours, equipment.DirtyHoldTime.TotalHours, equipment.ProductChangeNeedsMajorClean,
            equipment.CalibrationIntervalDays, equipment.IdealRatePerMinute, equipment.ProductRates.Count == 0 ? null : equipment.ProductRates);

    // Hold times are validated in whole minutes: nobody validates a cleaning for a fraction of a minute.
    private static TimeSpan Hours(double hours) =>
        double.IsFinite(hours) ? TimeSpan.FromMinutes(Math.Round(hours * 60)) : throw new Domain.Common.DomainException("A hold time must be a number of hours.");
}
