namespace PharmaMes.Infrastructure.Outbox;

/// <summary>
/// One fact for the ERP, written in the same transaction as the change it reports, so the ERP
/// hears of every change that committed and of none that did not. Messages of one aggregate
/// (a batch, a lot, an equipment, a quality exception) are delivered in <see cref="Position"/> order.
/// The payload is the format-neutral JSON of the event; it is rendered as JSON or B2MML at delivery.
/// </summary>
public class OutboxMessage
{
    public const int AggregateMaxLength = 64;
    public const int ErrorMaxLength = 2000;

    /// <summary>Global order of writing; the order of delivery within an aggregate.</summary>
    public long Position { get; private set; }
    /// <summary>Sent as the Idempotency-Key header: a repeat of a delivered message carries the same key.</summary>
    public Guid MessageId { get; private set; }
    public ErpMessageType Type { get; private set; }
    /// <summary>What the message is about and is ordered within, e.g. "Batch:B-2026-0004".</summary>
    public string Aggregate { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public string Payload { get; private set; } = "";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    protected OutboxMessage() { }

    public OutboxMessage(ErpMessageType type, string aggregate, DateTimeOffset occurredAt, string payload)
    {
        MessageId = Guid.NewGuid();
        Type = type;
        Aggregate = aggregate.Length > AggregateMaxLength ? aggregate[..AggregateMaxLength] : aggregate;
        OccurredAt = occurredAt;
        Payload = payload;
        Status = OutboxStatus.Pending;
        // Due at once, even when the event's own time (a device clock) is ahead of the server's.
        NextAttemptAt = DateTimeOffset.UnixEpoch;
    }

    public void MarkDelivered(DateTimeOffset at)
    {
        Attempts++;
        Status = OutboxStatus.Delivered;
        LastAttemptAt = at;
        DeliveredAt = at;
        LastError = null;
    }

    /// <summary>
    /// Records a failed attempt: the next one waits longer each time (exponential backoff, capped);
    /// after <paramref name="maxAttempts"/> the message is dead-lettered.
    /// </summary>
    public void MarkFailed(string error, DateTimeOffset at, int maxAttempts, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        Attempts++;
        LastAttemptAt = at;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }
        var delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, firstDelay.Ticks * (1L << Math.Min(Attempts - 1, 30))));
        NextAttemptAt = at + delay;
    }

    /// <summary>A person sends a dead-lettered (or delivered) message again, from the first attempt.</summary>
    public void Replay(DateTimeOffset at)
    {
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
    }
}
