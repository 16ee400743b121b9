namespace PharmaMes.Domain.Planning;

/// <summary>
/// An equipment as the schedule sees it: from when it is free (the batch on it now ends then), the product it last
/// made, and the changeover (cleaning) time before a different product.
/// </summary>
public sealed record PlanningEquipment(string Code, DateTimeOffset FreeFrom, string? LastProduct, TimeSpan Changeover);
