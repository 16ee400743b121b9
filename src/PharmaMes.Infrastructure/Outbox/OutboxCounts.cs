namespace PharmaMes.Infrastructure.Outbox;

/// <summary>How many messages stand in each state, and how old the oldest undelivered one is.</summary>
public sealed record OutboxCounts(int Pending, int Failed, int Delivered, DateTimeOffset? OldestUndeliveredAt);
