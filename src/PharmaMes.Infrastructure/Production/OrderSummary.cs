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
    bool HasApprovedRecipe,
    string? CustomerReference,
    string? LineCode,
    /// <summary>Quantity, due date, priority may change, and the order may be cancelled: it has not started.</summary>
    bool IsChangeable,
    /// <summary>The order's version as listed: a change or cancel made from this view names it.</summary>
    int Version)
{
    /// <summary>"Urgent" … "Low".</summary>
    public string PriorityName => Domain.Production.OrderPriority.NameOf(Priority);
}
