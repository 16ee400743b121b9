namespace PharmaMes.Infrastructure.Recipes;

/// <summary>An in-process check of a step with its limits.</summary>
public sealed record InProcessCheckInput(string? Name, string? Unit, double Low, double High);
