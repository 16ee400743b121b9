namespace PharmaMes.Domain.Planning;

/// <summary>Stock the plan may count on: so much of a material, usable from a moment (now for a released lot).</summary>
public sealed record MaterialSupply(string Material, decimal Quantity, DateTimeOffset From);
