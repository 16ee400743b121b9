namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>A batch was stopped for good, with the reason given.</summary>
public sealed record BatchAborted(
    string BatchNumber, string OrderNumber, string? ExternalOrderId, string Product, string Reason, DateTimeOffset AbortedAt);
