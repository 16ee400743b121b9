namespace PharmaMes.Domain.Production;

/// <summary>Where a value to record in a batch step comes from in the recipe.</summary>
public enum BatchStepValueKind
{
    ProcessParameter,
    InProcessCheck,
}
