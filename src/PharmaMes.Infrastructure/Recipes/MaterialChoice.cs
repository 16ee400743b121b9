using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Recipes;

/// <summary>A material an author can pick as a recipe's product or as one of its materials, with the unit it is counted in.</summary>
public sealed record MaterialChoice(string Code, string Name, MaterialType Type, string Unit);
