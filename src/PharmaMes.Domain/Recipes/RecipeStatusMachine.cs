using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Recipes;

/// <summary>The one table of legal recipe status changes.</summary>
public static class RecipeStatusMachine
{
    private static readonly Dictionary<RecipeStatus, RecipeStatus[]> Allowed = new()
    {
        [RecipeStatus.Draft] = [RecipeStatus.Approved],
        // An approved version is never edited back into a draft: a change is a new version.
        [RecipeStatus.Approved] = [RecipeStatus.Obsolete],
        // Obsolete is final: batches made with it keep pointing at it.
        [RecipeStatus.Obsolete] = [],
    };

    public static bool CanChange(RecipeStatus from, RecipeStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyCollection<RecipeStatus> NextStatuses(RecipeStatus from) => Array.AsReadOnly(Allowed[from]);

    /// <param name="recipe">How the recipe is named in the message, e.g. "Version 2 of PARA-500".</param>
    public static void EnsureCanChange(RecipeStatus from, RecipeStatus to, string recipe)
    {
        if (from == to)
            throw new DomainException($"{recipe} is already {to}.");
        if (!CanChange(from, to))
            throw new DomainException(Allowed[from].Length == 0
                ? $"{recipe} is {from}: its status can no longer change."
                : $"{recipe} cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed[from])}.");
    }
}
