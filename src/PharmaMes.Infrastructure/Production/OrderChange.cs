namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// What planning may change on an order before it starts, and why (the reason goes into the audit trail). A change made on
/// a screen names the order's version the person saw (<see cref="OrderSummary.Version"/>): when someone changed the order
/// since, it is refused rather than silently putting back what they changed.
/// </summary>
public sealed record OrderChange(decimal Quantity, DateOnly DueDate, int Priority, string? LineCode, string? CustomerReference, string Reason,
    int? SeenVersion = null);
