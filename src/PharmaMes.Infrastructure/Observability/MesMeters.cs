using System.Diagnostics.Metrics;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Observability;

/// <summary>
/// The MES's own meter, read by OpenTelemetry (and so by <c>/metrics</c>): the ingest's counters and
/// gauges, observed from the figures the ingest keeps anyway, so that measuring costs the hot path nothing.
/// </summary>
public sealed class MesMeters : IDisposable
{
    public const string Name = "PharmaMes";

    private readonly Meter _meter;

    public MesMeters(IMeterFactory meters, IngestMetrics ingest, IngestQueue queue, IngestJournal? journal = null)
    {
        _meter = meters.Create(Name);
        _meter.CreateObservableCounter("pharmames.ingest.received", () => ingest.Received, "{message}", "Device messages received by the ingest.");
        _meter.CreateObservableCounter("pharmames.ingest.stored", () => ingest.Persisted, "{message}", "Device messages stored (quarantined ones included).");
        _meter.CreateObservableCounter("pharmames.ingest.quarantined", () => ByReason(ingest), "{message}", "Device messages set aside in quarantine, by reason code.");
        _meter.CreateObservableCounter("pharmames.ingest.batches", () => ingest.Batches, "{batch}", "Batches committed by the ingest.");
        _meter.CreateObservableCounter("pharmames.ingest.failed_batches", () => ingest.FailedBatches, "{batch}", "Attempts to store a batch that failed.");
        _meter.CreateObservableGauge("pharmames.ingest.queue", () => queue.Count, "{message}", "Messages received and waiting to be stored.");
        _meter.CreateObservableGauge("pharmames.ingest.broker_connected", () => ingest.BrokerConnected ? 1 : 0, null, "1 while the ingest has its broker.");
        // Only with the embedded broker's journal.
        if (journal is not null)
            _meter.CreateObservableGauge("pharmames.ingest.journal_unstored", () => journal.Unstored, "{message}", "Messages acknowledged from the journal and not yet stored.");
    }

    private static IEnumerable<Measurement<long>> ByReason(IngestMetrics ingest) =>
        ingest.QuarantinedByReason.Select(r => new Measurement<long>(r.Value, new KeyValuePair<string, object?>("reason", r.Key)));

    public void Dispose() => _meter.Dispose();
}
