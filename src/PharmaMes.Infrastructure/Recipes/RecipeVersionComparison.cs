using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Recipes;

/// <summary>What changed from one version of a product's recipe to another, for a reviewer.</summary>
public sealed record RecipeVersionComparison(RecipeSummary From, RecipeSummary To, IReadOnlyList<RecipeDifference> Differences);
