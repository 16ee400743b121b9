namespace PharmaMes.Domain.Production;

/// <summary>How a recorded value or weighed amount compares with its limits.</summary>
public enum EntryResult
{
    WithinLimits,
    /// <summary>Recorded all the same and flagged: a quality exception follows.</summary>
    OutOfLimits,
    NotApplicable,
}
