namespace PharmaMes.Infrastructure.Outbox;

/// <summary>
/// The outbox's pending and dead-lettered messages as last counted, so that a metrics scrape reads
/// two numbers instead of querying the database. Counted by the dispatcher after each delivery run
/// and whenever the outbox is counted anyway (the readiness probe, the integration page).
/// </summary>
public sealed class OutboxBacklog
{
    public sealed record Count(int Pending, int Failed, DateTimeOffset CountedAt);

    private volatile Count? _last;

    /// <summary>Null until the outbox has been counted once since start: better no figure than a false zero.</summary>
    public Count? Last => _last;

    internal void Counted(int pending, int failed, DateTimeOffset at) => _last = new Count(pending, failed, at);
}
