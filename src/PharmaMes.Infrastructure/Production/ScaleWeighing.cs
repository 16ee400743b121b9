namespace PharmaMes.Infrastructure.Production;

/// <summary>What the booth's scale showed: gross with the material, the container's tare, and whether the reading had settled.</summary>
public sealed record ScaleWeighing(decimal Gross, decimal Tare, bool Stable);
