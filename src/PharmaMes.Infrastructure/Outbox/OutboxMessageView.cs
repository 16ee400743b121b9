namespace PharmaMes.Infrastructure.Outbox;

/// <summary>One outbound message as people and the API see it.</summary>
public sealed record OutboxMessageView(
    long Position, Guid MessageId, ErpMessageType Type, string Aggregate, DateTimeOffset OccurredAt, OutboxStatus Status,
    int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? LastAttemptAt, string? LastError, DateTimeOffset? DeliveredAt, string Payload);
