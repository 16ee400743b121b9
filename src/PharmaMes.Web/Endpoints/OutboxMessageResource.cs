using System.Text.Json;
using PharmaMes.Infrastructure.Outbox;

namespace PharmaMes.Web.Endpoints;

/// <summary>One outbound ERP message with its delivery state; <c>data</c> is the event as the JSON format sends it.</summary>
public sealed record OutboxMessageResource(
    long Position, Guid MessageId, string Type, string Aggregate, DateTimeOffset OccurredAt, string Status, int Attempts,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, string? LastError, DateTimeOffset? DeliveredAt, JsonElement Data)
{
    public static OutboxMessageResource Of(OutboxMessageView m) =>
        new(m.Position, m.MessageId, m.Type.ToString(), m.Aggregate, m.OccurredAt, m.Status.ToString().ToLowerInvariant(), m.Attempts,
            m.Status == OutboxStatus.Pending ? m.NextAttemptAt : null, m.LastAttemptAt, m.LastError, m.DeliveredAt,
            JsonDocument.Parse(m.Payload).RootElement.Clone());
}
