namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>
/// An order's plan changed because of a disturbance (<paramref name="Cause"/>): its planned completion from
/// <paramref name="OldPlannedEnd"/> to <paramref name="NewPlannedEnd"/>, with its operations as now planned.
/// </summary>
public sealed record ScheduleChanged(
    string OrderNumber,
    string? ExternalId,
    string? CustomerReference,
    string Product,
    decimal Quantity,
    string Unit,
    int Priority,
    DateOnly DueDate,
    DateTimeOffset? OldPlannedEnd,
    DateTimeOffset NewPlannedEnd,
    int DelayMinutes,
    string Cause,
    Guid ImpactId,
    IReadOnlyList<ScheduledStep> Operations);

/// <summary>One step of an order as planned: on which equipment, from when to when.</summary>
public sealed record ScheduledStep(int Step, string StepName, string Equipment, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd);
