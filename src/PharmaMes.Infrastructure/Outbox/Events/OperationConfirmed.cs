namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>A phase of a batch is done (Completed) or was skipped with a reason (SAP: phase confirmation).</summary>
public sealed record OperationConfirmed(
    string BatchNumber, string OrderNumber, string? ExternalOrderId, int StepNumber, string StepName,
    string State, string? Equipment, DateTimeOffset? StartedAt, DateTimeOffset CompletedAt,
    string? PerformedBy, string? VerifiedBy, string? SkipReason);
