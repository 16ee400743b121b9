namespace PharmaMes.Infrastructure.Recipes;

/// <summary>The header of a draft: product name, standard batch size (in the product's unit) and description.</summary>
public sealed record RecipeHeader(string? ProductName, decimal StandardBatchSize, string? Description);
