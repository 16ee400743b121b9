namespace PharmaMes.Domain.Planning;

/// <summary>The schedule after a move, or why the move cannot stand (then no operations).</summary>
public sealed record ScheduleMoveResult(IReadOnlyList<string> Problems, IReadOnlyList<PlannedOperation> Operations)
{
    public bool IsAccepted => Problems.Count == 0;
}
