using System.Numerics;

namespace PharmaMes.LoadGenerator;

/// <summary>
/// Which sequence numbers arrived, as a growable bit set: one bit per message instead of a
/// hash-set entry, so millions of messages cost a few megabytes. Not thread-safe.
/// </summary>
internal sealed class SequenceTracker
{
    /// <summary>Larger numbers are treated as garbage rather than allocating a huge bit set.</summary>
    public const long MaxSequence = 1L << 30;

    private ulong[] _bits = new ulong[1024];

    public long Distinct { get; private set; }

    public long Highest { get; private set; }

    /// <summary>Records a sequence number; false when it was seen before (a duplicate).</summary>
    public bool Add(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        var word = (int)(sequence >> 6);
        if (word >= _bits.Length)
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        var mask = 1UL << (int)(sequence & 63);
        if ((_bits[word] & mask) != 0)
            return false;
        _bits[word] |= mask;
        Distinct++;
        Highest = Math.Max(Highest, sequence);
        return true;
    }

    /// <summary>How many of 1..<paramref name="upTo"/> were never seen.</summary>
    public long CountMissing(long upTo)
    {
        if (upTo < 1)
            return 0;
        long seen = 0;
        var lastWord = (int)Math.Min(upTo >> 6, _bits.Length - 1);
        for (var word = 0; word <= lastWord; word++)
        {
            var bits = _bits[word];
            if (word == upTo >> 6)
                bits &= (2UL << (int)(upTo & 63)) - 1; // keep bits 0..upTo%64 (wraps to all ones for 63)
            seen += BitOperations.PopCount(bits);
        }
        return upTo - seen;
    }
}
