namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>A batch finished its last phase (SAP: final confirmation); its disposition by QA follows.</summary>
public sealed record BatchCompleted(
    string BatchNumber, string OrderNumber, string? ExternalOrderId, string Product,
    decimal PlannedQuantity, string Unit, DateTimeOffset StartedAt, DateTimeOffset CompletedAt);
