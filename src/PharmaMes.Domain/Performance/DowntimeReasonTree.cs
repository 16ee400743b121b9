using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Performance;

/// <summary>
/// The reasons an operator picks for a stop, per equipment class: the causes every machine shares, then those of its kind.
/// Kept short on purpose: a list a gloved hand can scan on a tablet.
/// </summary>
public static class DowntimeReasonTree
{
    private static readonly DowntimeReason[] Common =
    [
        new("Changeover", "Product changeover", Planned: true),
        new("Cleaning", "Cleaning between batches", Planned: true),
        new("Material", "Waiting for material", Planned: false),
        new("People", "No operator available", Planned: false),
        new("Quality", "Waiting for QA release", Planned: false),
        new("Electrical", "Electrical fault", Planned: false),
        new("Mechanical", "Mechanical fault", Planned: false),
    ];

    public static IReadOnlyList<DowntimeReason> For(EquipmentClass equipmentClass) => [.. Specific(equipmentClass), .. Common];

    public static DowntimeReason? Find(EquipmentClass equipmentClass, string? path) =>
        For(equipmentClass).FirstOrDefault(r => string.Equals(r.Path, path?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The leaf a device's own reason text names, if it names one: its whole path ("Mechanical › Punch breakage", also
    /// written with "&gt;" or "/"), or the leaf's name alone ("punch breakage"). Null when it matches none: the text is kept as sent.
    /// </summary>
    public static DowntimeReason? Match(EquipmentClass equipmentClass, string? deviceText)
    {
        if (string.IsNullOrWhiteSpace(deviceText))
            return null;
        var text = string.Join(DowntimeReason.Separator, deviceText.Split(['›', '>', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return For(equipmentClass).FirstOrDefault(r => string.Equals(r.Path, text, StringComparison.OrdinalIgnoreCase))
            ?? For(equipmentClass).FirstOrDefault(r => string.Equals(r.Name, text, StringComparison.OrdinalIgnoreCase));
    }

    private static DowntimeReason[] Specific(EquipmentClass equipmentClass) => equipmentClass switch
    {
        EquipmentClass.TabletPress =>
        [
            new("Mechanical", "Punch breakage", false), new("Material", "Waiting for granulate", false),
            new("Quality", "Tablet weight out of limits", false), new("Quality", "Tablet hardness out of limits", false),
        ],
        EquipmentClass.BlisterPacker =>
        [
            new("Material", "Foil web break", false), new("Material", "Waiting for tablets", false), new("Quality", "Seal integrity failure", false),
        ],
        EquipmentClass.Coater => [new("Process", "Spray nozzle blocked", false), new("Material", "Waiting for cores", false)],
        EquipmentClass.HighShearGranulator or EquipmentClass.FluidBedDryer => [new("Process", "End point not reached", false), new("Material", "Waiting for dispensed material", false)],
        EquipmentClass.Filler => [new("Process", "Fill weight out of limits", false), new("Environment", "Particle count alarm", false)],
        EquipmentClass.Bioreactor or EquipmentClass.ChromatographySkid => [new("Process", "Sensor recalibration", false), new("Utilities", "Utilities failure", false)],
        _ => [],
    };
}
