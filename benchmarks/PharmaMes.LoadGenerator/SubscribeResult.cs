namespace PharmaMes.LoadGenerator;

/// <summary>
/// What a <see cref="CountingSubscriber"/> saw. With sequence numbers in the payloads
/// (publisher option WithSequence), <see cref="Duplicates"/> and <see cref="Lost"/> are exact;
/// without them, Lost is only "expected minus received".
/// </summary>
/// <param name="Received">Every message delivered, duplicates included.</param>
/// <param name="WithSequence">Messages that carried a "seq" value.</param>
/// <param name="Distinct">Distinct "seq" values seen.</param>
/// <param name="Duplicates">WithSequence - Distinct: redeliveries (QoS 1 allows them).</param>
/// <param name="OutOfOrder">New sequence numbers that arrived after a higher one (MQTT orders per topic, not across topics).</param>
/// <param name="MaxSequence">Highest "seq" seen (0 if none).</param>
/// <param name="Lost">With an expected count: sequence numbers 1..expected never seen (or expected - received without sequences); otherwise gaps in 1..MaxSequence.</param>
/// <param name="FirstReceivedAt">UTC time of the first message.</param>
/// <param name="LastReceivedAt">UTC time of the last message.</param>
/// <param name="MessagesPerSecond">Receive rate between the first and the last message.</param>
/// <param name="Completed">The expected count was reached.</param>
/// <param name="TimedOut">The timeout ended the run.</param>
public sealed record SubscribeResult(
    long Received,
    long WithSequence,
    long Distinct,
    long Duplicates,
    long OutOfOrder,
    long MaxSequence,
    long Lost,
    DateTimeOffset? FirstReceivedAt,
    DateTimeOffset? LastReceivedAt,
    double MessagesPerSecond,
    bool Completed,
    bool TimedOut);
