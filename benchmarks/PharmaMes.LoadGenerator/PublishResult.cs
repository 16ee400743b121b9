namespace PharmaMes.LoadGenerator;

/// <summary>
/// What one publisher run achieved. At the end of a run every sent message is either
/// acknowledged or failed (QoS 1), so <c>Sent == Acknowledged + Failed</c>; at QoS 0 nothing is
/// acknowledged and Failed counts only publishes that could not be written.
/// </summary>
/// <param name="Sent">Publishes issued.</param>
/// <param name="Acknowledged">PUBACKs received with a success reason code (QoS 1 only).</param>
/// <param name="Failed">Publishes that threw, timed out or got an error reason code.</param>
/// <param name="NoMatchingSubscribers">Acknowledged ones the broker said nobody was subscribed to (MQTT 5 reason 16): a hint that the receiver was not listening.</param>
/// <param name="PublishElapsed">From the first publish until the last one was issued: what the pacing controls.</param>
/// <param name="Elapsed">From the first publish until the last acknowledgement (or failure). The tail can add
/// ~40 ms on Mosquitto with its default Nagle setting (set_tcp_nodelay false) delaying the last PUBACK.</param>
/// <param name="MessagesPerSecond">Achieved publish rate, Sent / PublishElapsed: compare with the target rate.</param>
/// <param name="AcknowledgedPerSecond">Acknowledged / Elapsed: end-to-end throughput including the wait for the last PUBACKs (0 at QoS 0).</param>
/// <param name="Cancelled">The run was stopped before its message count or duration was reached.</param>
/// <param name="FirstError">The first failure's description, if any.</param>
public sealed record PublishResult(
    long Sent,
    long Acknowledged,
    long Failed,
    long NoMatchingSubscribers,
    TimeSpan PublishElapsed,
    TimeSpan Elapsed,
    double MessagesPerSecond,
    double AcknowledgedPerSecond,
    bool Cancelled,
    string? FirstError);
