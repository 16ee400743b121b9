using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Recipes;

/// <summary>One version of a master batch record as lists show it; <paramref name="ApprovedBy"/> is the printed name of the approval signature.</summary>
public sealed record RecipeSummary(
    Guid Id,
    string ProductCode,
    string ProductName,
    int Version,
    RecipeStatus Status,
    string AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    DateTimeOffset? ObsoletedAt)
{
    /// <summary>"Version 2 of FG-PARA500", as the domain names a recipe in its messages.</summary>
    public string Label => $"Version {Version} of {ProductCode}";
}
