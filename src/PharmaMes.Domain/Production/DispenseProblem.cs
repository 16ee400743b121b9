namespace PharmaMes.Domain.Production;

/// <summary>One reason a dispense is not acceptable, with the message the operator sees.</summary>
public sealed record DispenseProblem(DispenseProblemKind Kind, string Message)
{
    /// <summary>
    /// A wrong material, a lot that may not be used or a wrong unit is refused: nothing is recorded.
    /// An amount outside the tolerance is recorded, flagged, and followed by a quality exception.
    /// </summary>
    public bool RefusesDispense => Kind != DispenseProblemKind.OutOfTolerance;
}
