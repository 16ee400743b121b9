using System.Diagnostics.Metrics;

namespace PharmaMes.Infrastructure.Observability;

/// <summary>
/// What each stored ingest batch looked like: its size and how long it took to reach the database.
/// Recorded once per committed batch, so the cost is two histogram updates per commit, not per message.
/// </summary>
public sealed class IngestInstruments
{
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;

    public IngestInstruments(IMeterFactory meters)
    {
        var meter = meters.Create(MesMeters.Name);
        _batchSize = meter.CreateHistogram("pharmames.ingest.batch.size", "{message}",
            "Messages per stored ingest batch (quarantined ones included).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 10, 50, 100, 250, 500, 1000, 2000, 5000, 10000] });
        _commitDuration = meter.CreateHistogram("pharmames.ingest.batch.commit.duration", "s",
            "Seconds from the writer having taken a batch off the ingest queue to its commit, failed attempts and their backoff included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
    }

    public void BatchCommitted(int messages, TimeSpan sinceDequeued)
    {
        _batchSize.Record(messages);
        _commitDuration.Record(sinceDequeued.TotalSeconds);
    }
}
