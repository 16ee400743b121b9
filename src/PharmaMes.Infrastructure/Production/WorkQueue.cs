using PharmaMes.Domain.Production;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// The operator's work queue: what can be done now on each open batch (its next step, or starting it),
/// and the steps waiting for a second person's verification.
/// </summary>
public sealed record WorkQueue(DateTimeOffset At, IReadOnlyList<WorkItem> ToDo, IReadOnlyList<WorkItem> ToVerify)
{
    /// <summary>The line the queue is for; null for every line.</summary>
    public string? Line { get; init; }
    /// <summary>The plant's lines, for a terminal to say where it stands.</summary>
    public IReadOnlyList<LineChoice> Lines { get; init; } = [];
}

/// <summary>A production line a terminal can stand at.</summary>
public sealed record LineChoice(string Code, string Name);

/// <summary>
/// One thing to do on a batch. <see cref="StepNumber"/> is 0 when the batch itself waits to be started;
/// <see cref="PerformedById"/> tells who may not verify a step (the one who performed it).
/// </summary>
public sealed record WorkItem(
    string BatchNumber,
    string ProductName,
    BatchState BatchState,
    int StepNumber,
    string StepName,
    StepState? StepState,
    string? EquipmentCode,
    string? PerformedBy,
    Guid? PerformedById,
    DateTimeOffset Since);
