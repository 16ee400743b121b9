namespace PharmaMes.Domain.Audit;

/// <summary>
/// Walks the audit trail in sequence order and names the first entry that breaks the chain:
/// a gap in the sequence (an entry removed), a previous-hash link that does not match (an entry
/// removed or inserted), or a stored hash that does not match the content (an entry edited).
/// </summary>
public sealed class AuditChainCheck
{
    private long _expectedSequence = 1;
    private string _expectedPrevious = AuditEntry.GenesisHash;

    public long Checked { get; private set; }
    public long? BrokenAt { get; private set; }
    public string? Problem { get; private set; }
    public bool IsValid => BrokenAt is null;
    public long LastSequence => _expectedSequence - 1;
    public string LastHash => _expectedPrevious;

    /// <summary>Checks the next entry; returns false once the chain is broken (the rest need not be read).</summary>
    public bool Next(AuditEntry entry)
    {
        if (!IsValid)
            return false;
        Checked++;
        if (entry.Sequence != _expectedSequence)
            return Break(_expectedSequence, $"Entry {_expectedSequence} is missing (the next entry found is {entry.Sequence}).");
        if (!string.Equals(entry.PreviousHash, _expectedPrevious, StringComparison.Ordinal))
            return Break(entry.Sequence, $"Entry {entry.Sequence} does not link to entry {entry.Sequence - 1}: an entry before it was changed, removed or inserted.");
        if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
            return Break(entry.Sequence, $"Entry {entry.Sequence} was changed after it was written: its content no longer matches its hash.");
        _expectedSequence++;
        _expectedPrevious = entry.Hash;
        return true;
    }

    /// <summary>The chain head kept beside the trail must point at the last entry: otherwise entries were removed from the end.</summary>
    public void End(long headSequence, string headHash)
    {
        if (!IsValid)
            return;
        if (headSequence != LastSequence || !string.Equals(headHash, LastHash, StringComparison.Ordinal))
            Break(LastSequence + 1, headSequence > LastSequence
                ? $"Entries {LastSequence + 1} to {headSequence} are missing from the end of the trail."
                : $"The trail has entries after {headSequence}, the last one recorded as written.");
    }

    private bool Break(long sequence, string problem)
    {
        BrokenAt = sequence;
        Problem = problem;
        return false;
    }
}
