using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>Applies the engineering settings of a described equipment through the equipment's own rules.</summary>
internal static class EquipmentSettingsRules
{
    /// <summary>True when a setting changed.</summary>
    public static bool Apply(Equipment equipment, EquipmentSettings settings)
    {
        _ = equipment;
        _ = settings;
        return false;
    }

    public static EquipmentSettings? Of(Equipment equipment)
    {
        _ = equipment;
        return null;
    }
}
