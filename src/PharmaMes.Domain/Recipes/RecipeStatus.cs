namespace PharmaMes.Domain.Recipes;

/// <summary>
/// The life of one version of a master recipe: written as a Draft, Approved (from then on never
/// changed), Obsolete when a later version replaces it or it is withdrawn.
/// </summary>
public enum RecipeStatus
{
    Draft,
    Approved,
    Obsolete,
}
