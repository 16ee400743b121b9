namespace PharmaMes.Infrastructure.Production;

/// <summary>A dispensed weight typed by the operator rather than taken from the scale, and why.</summary>
public sealed record TypedWeight(string? Reason);
