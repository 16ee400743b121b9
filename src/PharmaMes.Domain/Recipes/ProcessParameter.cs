using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Recipes;

/// <summary>
/// A set point of a recipe step (ISA-88 process parameter), e.g. main compression force 12 kN within
/// 10 – 14 kN. The operator records the actual value; a value outside the limits is flagged, not refused.
/// </summary>
public class ProcessParameter
{
    public const int NameMaxLength = 80;

    public Guid Id { get; private set; }
    public Guid RecipeStepId { get; private set; }
    /// <summary>Where the parameter comes in its step's list, from 0: the order the operator records them in.</summary>
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public UnitOfMeasure Unit { get; private set; }
    public double Target { get; private set; }
    public ValueRange Limits { get; private set; }
    /// <summary>The tag of the step's equipment the value is captured from; null when the operator records it by hand.</summary>
    public TagName? CaptureTag { get; private set; }
    public CaptureMode CaptureMode { get; private set; }

    public bool IsCaptured => CaptureTag is not null;

    protected ProcessParameter() { }

    internal ProcessParameter(Guid recipeStepId, int position, string name, UnitOfMeasure unit, double target, ValueRange limits)
    {
        Id = Ids.New();
        RecipeStepId = recipeStepId;
        Position = position;
        Name = Guard.Text(name, "A parameter name", NameMaxLength);
        Change(unit, target, limits);
    }

    internal void Change(UnitOfMeasure unit, double target, ValueRange limits)
    {
        if (unit.Symbol is null)
            throw new DomainException($"Parameter '{Name}' needs a unit of measure.");
        Guard.Finite(target, $"The target of parameter '{Name}'");
        if (!limits.Contains(target))
            throw new DomainException(
                $"The target of parameter '{Name}' ({target} {unit}) must lie within its limits ({limits} {unit}).");
        Unit = unit;
        Target = target;
        Limits = limits;
    }

    /// <summary>Captures the value from <paramref name="tag"/> of the step's equipment, or (null) has it recorded by hand.</summary>
    internal void CaptureFrom(TagName? tag, CaptureMode mode)
    {
        if (!Enum.IsDefined(mode))
            throw new DomainException($"'{mode}' is not a way to capture parameter '{Name}'.");
        CaptureTag = tag;
        CaptureMode = tag is null ? CaptureMode.AtRecording : mode;
    }

    internal void MoveTo(int position) => Position = position;

    internal ProcessParameter CopyFor(Guid recipeStepId)
    {
        var copy = new ProcessParameter(recipeStepId, Position, Name, Unit, Target, Limits);
        copy.CaptureFrom(CaptureTag, CaptureMode);
        return copy;
    }
}
