namespace PharmaMes.Domain.Recipes;

/// <summary>How an item of a recipe differs between two versions.</summary>
public enum DifferenceKind
{
    Added,
    Removed,
    Changed,
}
