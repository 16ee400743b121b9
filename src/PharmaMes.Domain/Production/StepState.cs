namespace PharmaMes.Domain.Production;

/// <summary>
/// The state of a batch step. A step that needs a second person's verification goes from InProgress
/// to AwaitingVerification when it is performed, and to Completed only when it is verified; a step
/// that does not need it goes straight to Completed.
/// </summary>
public enum StepState
{
    Pending,
    InProgress,
    /// <summary>Performed; a second person must verify it before it counts as done.</summary>
    AwaitingVerification,
    Completed,
    /// <summary>Not performed, with a reason (and a quality exception raised by the caller).</summary>
    Skipped,
}
