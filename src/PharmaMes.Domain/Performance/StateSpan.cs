using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Performance;

/// <summary>A time an equipment spent in one state, closed (an open interval ends at the moment of asking).</summary>
public sealed record StateSpan(EquipmentState State, DateTimeOffset Start, DateTimeOffset End, string? Reason)
{
    public TimeSpan Length => End - Start;

    /// <summary>
    /// For a part of a stop a person split into several reasons: the whole stop's length, which decides whether it was a
    /// small stop; null for a span that is a whole stop.
    /// </summary>
    public TimeSpan? StopLength { get; init; }

    /// <summary>True for the second and later parts of a split stop: the stop is one failure, counted at its first part.</summary>
    public bool ContinuesStop { get; init; }

    /// <summary>The length that judges the stop: the whole stop's, also for one of its parts.</summary>
    public TimeSpan WholeLength => StopLength ?? Length;
}
