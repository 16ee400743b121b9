namespace PharmaMes.Domain.Planning;

/// <summary>
/// An order whose plan a disturbance changes: its planned end before and in the proposal, the delay, and whether it now
/// misses its due date (the customer's reference, so that sales can tell the customer).
/// </summary>
public sealed record ImpactedOrder(
    string OrderNumber,
    string? CustomerReference,
    DateOnly DueDate,
    DateTimeOffset? OldPlannedEnd,
    DateTimeOffset NewPlannedEnd,
    int DelayMinutes,
    bool MissesDueDate);
