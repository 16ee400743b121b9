using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Production;

/// <summary>The one table of legal batch state changes.</summary>
public static class BatchStateMachine
{
    private static readonly Dictionary<BatchState, BatchState[]> Allowed = new()
    {
        [BatchState.Created] = [BatchState.Running, BatchState.Aborted],
        [BatchState.Running] = [BatchState.Held, BatchState.Completed, BatchState.Aborted],
        // A held batch is resumed or given up; it never completes without running again.
        [BatchState.Held] = [BatchState.Running, BatchState.Aborted],
        [BatchState.Completed] = [],
        [BatchState.Aborted] = [],
    };

    public static bool CanChange(BatchState from, BatchState to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyCollection<BatchState> NextStates(BatchState from) => Array.AsReadOnly(Allowed[from]);

    public static void EnsureCanChange(BatchState from, BatchState to, BatchNumber batch)
    {
        if (from == to)
            throw new DomainException($"Batch {batch} is already {to}.");
        if (!CanChange(from, to))
            throw new DomainException(Allowed[from].Length == 0
                ? $"Batch {batch} is {from}: its state can no longer change."
                : $"Batch {batch} cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed[from])}.");
    }
}
