namespace PharmaMes.Infrastructure.Production;

/// <summary>A production order as planners and operators see it in a list.</summary>
public sealed record OrderSummary(
    Guid Id,
    string Number,
    string? ExternalId,
    string ProductCode,
    string ProductName,
    decimal Quantity,
    string Unit,
    DateOnly DueDate,
    int Priority,
    string Status,
    int Batches,
    bool HasApprovedRecipe);
