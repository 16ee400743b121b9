using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Infrastructure.Recipes;

/// <summary>
/// One version of a master batch record as its page shows it: the recipe with its steps, parameters,
/// checks and bill of materials (read-only, not tracked), its signatures each checked against the
/// content as it is now, the names of its materials, and every version of the same product.
/// </summary>
public sealed record RecipeDetails(
    MasterRecipe Recipe,
    IReadOnlyList<RecipeSignature> Signatures,
    IReadOnlyDictionary<string, string> MaterialNames,
    IReadOnlyList<RecipeSummary> Versions)
{
    /// <summary>The approval signature, once the version was approved.</summary>
    public RecipeSignature? Approval => Signatures.LastOrDefault(s => s.Signature.Meaning == SignatureMeaning.Approved);

    public string MaterialName(string code) => MaterialNames.GetValueOrDefault(code) ?? code;
}
