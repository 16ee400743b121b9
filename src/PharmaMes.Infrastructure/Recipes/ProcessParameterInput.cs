namespace PharmaMes.Infrastructure.Recipes;

/// <summary>A set point of a step with its limits; the target must lie within them.</summary>
public sealed record ProcessParameterInput(string? Name, string? Unit, double Target, double Low, double High);
