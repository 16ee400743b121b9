using System.Diagnostics.Metrics;
using PharmaMes.Infrastructure.Outbox;

namespace PharmaMes.Infrastructure.Observability;

/// <summary>
/// The ERP outbox as the MES's meter shows it: what waits, what is dead-lettered (both from the
/// backlog's last count, never a query per scrape) and how long delivered messages took to arrive.
/// </summary>
public sealed class OutboxInstruments
{
    private readonly Histogram<double> _deliveryLatency;

    public OutboxInstruments(IMeterFactory meters, OutboxBacklog backlog)
    {
        var meter = meters.Create(MesMeters.Name);
        meter.CreateObservableGauge("pharmames.outbox.pending", () => Read(backlog.Last?.Pending), "{message}",
            "ERP messages waiting for delivery, as last counted.");
        meter.CreateObservableGauge("pharmames.outbox.failed", () => Read(backlog.Last?.Failed), "{message}",
            "ERP messages dead-lettered after every attempt, as last counted; they wait for a replay from /erp.");
        _deliveryLatency = meter.CreateHistogram("pharmames.outbox.delivery.latency", "s",
            "Seconds from an ERP message's event time (written with the change it reports) to its acknowledged delivery.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600, 14400, 86400] });
    }

    private static IEnumerable<Measurement<int>> Read(int? count) => count is { } value ? [new Measurement<int>(value)] : [];

    public void Delivered(OutboxMessage message, DateTimeOffset at) =>
        // An event time from a device clock ahead of the server's would give a negative figure.
        _deliveryLatency.Record(Math.Max(0, (at - message.OccurredAt).TotalSeconds));
}
