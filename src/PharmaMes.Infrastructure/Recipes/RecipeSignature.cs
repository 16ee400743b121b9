using PharmaMes.Domain.Signatures;

namespace PharmaMes.Infrastructure.Recipes;

/// <summary>A signature on a recipe version, and whether the version still has exactly the content that was signed.</summary>
public sealed record RecipeSignature(ElectronicSignature Signature, bool IsValid)
{
    public string Manifestation => Signature.Manifestation;
}
