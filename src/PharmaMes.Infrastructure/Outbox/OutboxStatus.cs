namespace PharmaMes.Infrastructure.Outbox;

/// <summary>Where an outbound message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for delivery, or for its next attempt after a failure.</summary>
    Pending,
    /// <summary>The receiver answered with success.</summary>
    Delivered,
    /// <summary>Dead-lettered: every attempt failed. It waits for a person to replay it, and holds back later messages of its aggregate.</summary>
    Failed,
}
