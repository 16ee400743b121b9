using System.Globalization;

namespace PharmaMes.LoadGenerator;

/// <summary>
/// Prints results as one machine-readable line (key=value, invariant culture, so scripts can
/// grep it) followed by one line for people.
/// </summary>
internal static class ResultReport
{
    public static string KeyValues(PublishResult r, PublisherOptions o) => string.Join(' ',
        "mode=publish",
        Invariant($"sent={r.Sent} acknowledged={r.Acknowledged} failed={r.Failed} no_matching_subscribers={r.NoMatchingSubscribers}"),
        Invariant($"publish_s={r.PublishElapsed.TotalSeconds:0.000} elapsed_s={r.Elapsed.TotalSeconds:0.000} msg_per_s={r.MessagesPerSecond:0.0} acked_per_s={r.AcknowledgedPerSecond:0.0} target_rate={o.MessagesPerSecond:0.##}"),
        Invariant($"qos={o.QualityOfService} window={o.MaxInFlight} equipment={o.ResolveEquipment().Count}"),
        $"with_sequence={Bool(o.WithSequence)} cancelled={Bool(r.Cancelled)}");

    public static string Human(PublishResult r, PublisherOptions o) => Invariant(
        $"Published {r.Sent:N0} messages in {r.PublishElapsed.TotalSeconds:0.00} s ({r.MessagesPerSecond:N0} msg/s") +
        (o.MessagesPerSecond > 0 ? Invariant($", target {o.MessagesPerSecond:N0}") : "") +
        (o.QualityOfService == 1 ? Invariant($"): {r.Acknowledged:N0} acknowledged, {r.Failed:N0} failed, all settled after {r.Elapsed.TotalSeconds:0.00} s.") : Invariant($", QoS 0): {r.Failed:N0} failed.")) +
        (r.Cancelled ? " Cancelled." : "");

    public static string KeyValues(SubscribeResult r) => string.Join(' ',
        "mode=subscribe",
        Invariant($"received={r.Received} distinct={r.Distinct} with_sequence={r.WithSequence} duplicates={r.Duplicates} out_of_order={r.OutOfOrder}"),
        Invariant($"max_seq={r.MaxSequence} lost={r.Lost} first_utc={Time(r.FirstReceivedAt)} last_utc={Time(r.LastReceivedAt)}"),
        Invariant($"msg_per_s={r.MessagesPerSecond:0.0} completed={Bool(r.Completed)} timed_out={Bool(r.TimedOut)}"));

    public static string Human(SubscribeResult r)
    {
        var span = r.FirstReceivedAt is { } first && r.LastReceivedAt is { } last ? (last - first).TotalSeconds : 0;
        var outcome = r.Completed ? "expected count reached" : r.TimedOut ? "timed out" : "stopped";
        return Invariant($"Received {r.Received:N0} messages over {span:0.00} s ({r.MessagesPerSecond:N0} msg/s): ") +
            (r.WithSequence > 0 ? Invariant($"{r.Distinct:N0} distinct, {r.Duplicates:N0} duplicates, {r.OutOfOrder:N0} out of order, ") : "") +
            Invariant($"{r.Lost:N0} lost; {outcome}.");
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
