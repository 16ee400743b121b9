using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Production;

/// <summary>The one table of legal batch step state changes.</summary>
public static class StepStateMachine
{
    private static readonly Dictionary<StepState, StepState[]> Allowed = new()
    {
        // Only a step not yet started can be skipped: a started step is finished, or the batch is aborted.
        [StepState.Pending] = [StepState.InProgress, StepState.Skipped],
        [StepState.InProgress] = [StepState.AwaitingVerification, StepState.Completed],
        [StepState.AwaitingVerification] = [StepState.Completed],
        [StepState.Completed] = [],
        [StepState.Skipped] = [],
    };

    public static bool CanChange(StepState from, StepState to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyCollection<StepState> NextStates(StepState from) => Array.AsReadOnly(Allowed[from]);

    /// <param name="step">How the step is named in the message, e.g. "Step 3 Compression".</param>
    public static void EnsureCanChange(StepState from, StepState to, string step)
    {
        if (from == to)
            throw new DomainException($"{step} is already {to}.");
        if (!CanChange(from, to))
            throw new DomainException(Allowed[from].Length == 0
                ? $"{step} is {from}: its state can no longer change."
                : $"{step} cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed[from])}.");
    }
}
