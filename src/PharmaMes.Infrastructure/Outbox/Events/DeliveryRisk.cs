namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>An order will now be completed after its due date: by how long, and why.</summary>
public sealed record DeliveryRisk(
    string OrderNumber,
    string? ExternalId,
    string? CustomerReference,
    string Product,
    DateOnly DueDate,
    DateTimeOffset NewPlannedEnd,
    int LateMinutes,
    string Cause,
    Guid ImpactId);
