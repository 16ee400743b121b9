namespace PharmaMes.Infrastructure.Messaging;

/// <summary>A message taken from the broker but not yet acknowledged: it is acknowledged only once persisted.</summary>
/// <param name="PublisherWaits">
/// The device waits for this message's acknowledgement before it sends its next one (the embedded
/// broker): the writer then stores what it has at once instead of waiting for a fuller batch.
/// </param>
public sealed record ReceivedMessage(string Topic, byte[] Payload, DateTimeOffset ReceivedAt, Func<CancellationToken, Task> AcknowledgeAsync,
    bool PublisherWaits = false);
