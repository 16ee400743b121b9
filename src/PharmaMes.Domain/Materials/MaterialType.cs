namespace PharmaMes.Domain.Materials;

public enum MaterialType
{
    /// <summary>Active ingredients and other starting materials.</summary>
    RawMaterial,
    Excipient,
    Packaging,
    Intermediate,
    FinishedGood,
}
