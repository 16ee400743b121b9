using System.Globalization;

namespace PharmaMes.Domain.Audit;

/// <summary>
/// Walks the audit trail in sequence order and names the first entry that breaks the chain:
/// a gap in the sequence (an entry removed), a previous-hash link that does not match (an entry
/// removed or inserted), a stored hash that does not match the content under the entry's key (an
/// entry edited, or the chain recomputed without the key), a key that is not known, an entry
/// without a key where the chain is keyed, or an entry that no longer matches a signed checkpoint
/// (the chain rewritten or cut short, even by someone who had the key).
/// </summary>
public sealed class AuditChainCheck
{
    private readonly Func<string, AuditChainKey?> _findKey;
    private readonly Dictionary<long, List<AuditCheckpoint>> _checkpoints = [];
    private readonly long? _keyedAfter;
    private long _expectedSequence = 1;
    private string _expectedPrevious = AuditEntry.GenesisHash;
    private long _lastMatchedCheckpoint;
    private string? _lastKeyId;

    /// <param name="findKey">The chain key with the given id (current key or key ring), or null when it is not known.</param>
    /// <param name="checkpoints">The published checkpoints, oldest first.</param>
    public AuditChainCheck(Func<string, AuditChainKey?> findKey, IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        _findKey = findKey;
        foreach (var checkpoint in checkpoints)
        {
            var key = _findKey(checkpoint.KeyId);
            if (key is null || !checkpoint.IsSignedBy(key))
            {
                Break(checkpoint.Sequence, key is null
                    ? $"The checkpoint of entry {checkpoint.Sequence} written {Time(checkpoint.At)} is signed with key {checkpoint.KeyId}, which is not in the key file or the key ring."
                    : $"The checkpoint of entry {checkpoint.Sequence} written {Time(checkpoint.At)} does not carry a valid signature: the checkpoint file was edited.");
                return;
            }
            if (!_checkpoints.TryGetValue(checkpoint.Sequence, out var same))
                _checkpoints[checkpoint.Sequence] = same = [];
            same.Add(checkpoint);
            // The first checkpoint was written when the app already held a key: everything after it was written keyed.
            _keyedAfter ??= checkpoint.Sequence;
        }
    }

    public long Checked { get; private set; }
    public long CheckpointsMatched { get; private set; }
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

        AuditChainKey? key = null;
        if (entry.KeyId is null)
        {
            // Plain hashes are only valid for the part of the trail written before the chain was keyed.
            if (_lastKeyId is not null)
                return Break(entry.Sequence, $"Entry {entry.Sequence} has no key although entry {entry.Sequence - 1} was signed with key {_lastKeyId}: it was rewritten without the key.");
            if (entry.Sequence > _keyedAfter)
                return Break(entry.Sequence, $"Entry {entry.Sequence} has no key although it comes after the checkpoint of entry {_keyedAfter}, when the chain was already keyed: it was rewritten without the key.");
        }
        else
        {
            key = _findKey(entry.KeyId);
            if (key is null)
                return Break(entry.Sequence, $"Entry {entry.Sequence} is signed with key {entry.KeyId}, which is not in the key file or the key ring: restore that key, or the entry was forged.");
        }
        if (!string.Equals(entry.ComputeHash(key), entry.Hash, StringComparison.Ordinal))
            return Break(entry.Sequence, $"Entry {entry.Sequence} was changed after it was written: its content no longer matches its hash.");

        if (_checkpoints.TryGetValue(entry.Sequence, out var checkpoints))
        {
            foreach (var checkpoint in checkpoints)
            {
                if (!string.Equals(checkpoint.Hash, entry.Hash, StringComparison.Ordinal))
                    return Break(entry.Sequence, $"Entry {entry.Sequence} does not match the checkpoint written {Time(checkpoint.At)}: "
                        + $"the trail was rewritten between entries {_lastMatchedCheckpoint + 1} and {entry.Sequence}.");
                CheckpointsMatched++;
            }
            _lastMatchedCheckpoint = entry.Sequence;
        }
        _lastKeyId = entry.KeyId;
        _expectedSequence++;
        _expectedPrevious = entry.Hash;
        return true;
    }

    /// <summary>
    /// The chain head kept beside the trail must point at the last entry, and no checkpoint may lie
    /// beyond it: otherwise entries were removed from the end.
    /// </summary>
    public void End(long headSequence, string headHash)
    {
        if (!IsValid)
            return;
        if (headSequence != LastSequence || !string.Equals(headHash, LastHash, StringComparison.Ordinal))
        {
            Break(LastSequence + 1, headSequence > LastSequence
                ? $"Entries {LastSequence + 1} to {headSequence} are missing from the end of the trail."
                : $"The trail has entries after {headSequence}, the last one recorded as written.");
            return;
        }
        foreach (var (sequence, checkpoints) in _checkpoints.OrderBy(c => c.Key))
        {
            if (sequence == 0)
            {
                // Taken before the first entry: it can only hold the genesis hash.
                if (checkpoints.All(c => c.Hash == AuditEntry.GenesisHash))
                {
                    CheckpointsMatched += checkpoints.Count;
                    continue;
                }
                Break(1, "The checkpoint taken before the first entry does not hold the starting hash.");
                return;
            }
            if (sequence > LastSequence)
            {
                Break(LastSequence + 1, $"Entries {LastSequence + 1} to {sequence} are missing from the end of the trail: "
                    + $"the checkpoint written {Time(checkpoints[0].At)} recorded entry {sequence}.");
                return;
            }
        }
    }

    private bool Break(long sequence, string problem)
    {
        BrokenAt = sequence;
        Problem = problem;
        return false;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
