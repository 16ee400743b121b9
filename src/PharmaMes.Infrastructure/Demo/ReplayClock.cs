namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// The clock the demo batches are replayed on. The services stamp every record, signature and audit
/// entry with its time, so setting it before each action spreads the seeded history over past days as
/// it would have happened. It only moves forward: the record and the audit trail stay in time order.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset at)
    {
        if (at < _now)
            throw new InvalidOperationException($"The demo replay cannot go back from {_now:u} to {at:u}.");
        _now = at;
    }

    /// <summary>Moves to <paramref name="at"/>, or stays when an earlier action already took longer than planned.</summary>
    public void MoveToOrStay(DateTimeOffset at)
    {
        if (at > _now)
            _now = at;
    }

    public void Advance(TimeSpan by) => MoveTo(_now + by);
}
