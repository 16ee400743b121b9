using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Domain.Production;

/// <summary>
/// A value the operator records in a batch step, copied from the recipe when the batch was made
/// (name, unit, target, limits), so the execution screen and the review show the limits the batch
/// ran to even after the recipe is replaced. It remembers the latest entry recorded for it.
/// </summary>
public class BatchStepValue
{
    public Guid Id { get; private set; }
    public Guid BatchStepId { get; private set; }
    /// <summary>Order on the screen: parameters first, then checks, as in the recipe.</summary>
    public int Position { get; private set; }
    public BatchStepValueKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public UnitOfMeasure Unit { get; private set; }
    /// <summary>The set point of a process parameter; null for an in-process check.</summary>
    public double? Target { get; private set; }
    public ValueRange Limits { get; private set; }
    /// <summary>The tag of the step's equipment the value is captured from (copied from the recipe); null when typed.</summary>
    public TagName? CaptureTag { get; private set; }
    public CaptureMode CaptureMode { get; private set; }
    /// <summary>The sequence of the entry that holds the value in force (the latest recording or its correction).</summary>
    public int? LastEntrySequence { get; private set; }
    public double? LastValue { get; private set; }
    public EntryResult? LastResult { get; private set; }

    public bool IsRecorded => LastEntrySequence is not null;
    public bool IsCaptured => CaptureTag is not null;

    protected BatchStepValue() { }

    private BatchStepValue(Guid batchStepId, int position, BatchStepValueKind kind, string name, UnitOfMeasure unit, double? target, ValueRange limits)
    {
        Id = Ids.New();
        BatchStepId = batchStepId;
        Position = position;
        Kind = kind;
        Name = name;
        Unit = unit;
        Target = target;
        Limits = limits;
    }

    internal static BatchStepValue FromParameter(Guid batchStepId, int position, ProcessParameter parameter) =>
        new(batchStepId, position, BatchStepValueKind.ProcessParameter, parameter.Name, parameter.Unit, parameter.Target, parameter.Limits)
        {
            CaptureTag = parameter.CaptureTag,
            CaptureMode = parameter.CaptureMode,
        };

    internal static BatchStepValue FromCheck(Guid batchStepId, int position, InProcessCheck check) =>
        new(batchStepId, position, BatchStepValueKind.InProcessCheck, check.Name, check.Unit, null, check.Limits);

    internal void Took(BatchRecordEntry entry)
    {
        LastEntrySequence = entry.Sequence;
        LastValue = entry.Value;
        LastResult = entry.Result;
    }
}
