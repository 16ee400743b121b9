namespace PharmaMes.Infrastructure.Messaging;

/// <summary>A message taken from the broker but not yet acknowledged: it is acknowledged only once persisted.</summary>
public sealed record ReceivedMessage(string Topic, byte[] Payload, DateTimeOffset ReceivedAt, Func<CancellationToken, Task> AcknowledgeAsync);
