namespace PharmaMes.Domain.Recipes;

/// <summary>
/// One line of a version comparison, written for a reviewer, e.g.
/// "Step 3 Compression: parameter Main compression force target 12 -> 14 kN".
/// </summary>
public sealed record RecipeDifference(DifferenceKind Kind, string What)
{
    public override string ToString() => $"{Kind}: {What}";
}
