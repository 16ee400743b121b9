namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// Tells watchers (the outbox dispatcher, the inventory watch, the MES state publisher) what
/// committed, right after the commit, so they react in milliseconds instead of polling.
/// A watcher that misses a signal loses nothing: the database remains the truth.
/// </summary>
public sealed class CommitFeed
{
    public event Action<CommittedChanges>? Committed;

    public void Publish(CommittedChanges changes)
    {
        if (changes.IsEmpty)
            return;
        Committed?.Invoke(changes);
    }
}
