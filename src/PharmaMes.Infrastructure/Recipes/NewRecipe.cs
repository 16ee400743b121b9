namespace PharmaMes.Infrastructure.Recipes;

/// <summary>The first version of a product's master batch record; the batch size is in the product's unit.</summary>
public sealed record NewRecipe(string? ProductCode, string? ProductName, decimal StandardBatchSize, string? Description = null);
