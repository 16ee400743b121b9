namespace PharmaMes.Domain.Plant;

/// <summary>The kind of equipment; a recipe step asks for a class, and any fit equipment of it may be used.</summary>
public enum EquipmentClass
{
    DispensingBooth,
    HighShearGranulator,
    FluidBedDryer,
    TabletPress,
    Coater,
    BlisterPacker,
    Bioreactor,
    ChromatographySkid,
    Filler,
}
