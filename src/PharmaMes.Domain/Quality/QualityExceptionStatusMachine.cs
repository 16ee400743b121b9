using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Quality;

/// <summary>The one table of legal quality exception status changes.</summary>
public static class QualityExceptionStatusMachine
{
    private static readonly Dictionary<QualityExceptionStatus, QualityExceptionStatus[]> Allowed = new()
    {
        // A clear-cut exception may be closed without a formal investigation; the closure says why.
        [QualityExceptionStatus.Open] = [QualityExceptionStatus.UnderInvestigation, QualityExceptionStatus.Closed],
        [QualityExceptionStatus.UnderInvestigation] = [QualityExceptionStatus.Closed],
        // Closed is final: new facts are a new quality exception.
        [QualityExceptionStatus.Closed] = [],
    };

    public static bool CanChange(QualityExceptionStatus from, QualityExceptionStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyCollection<QualityExceptionStatus> NextStatuses(QualityExceptionStatus from) => Array.AsReadOnly(Allowed[from]);

    public static void EnsureCanChange(QualityExceptionStatus from, QualityExceptionStatus to, QualityExceptionNumber number)
    {
        if (from == to)
            throw new DomainException($"Quality exception {number} is already {to}.");
        if (!CanChange(from, to))
            throw new DomainException(Allowed[from].Length == 0
                ? $"Quality exception {number} is {from}: its status can no longer change."
                : $"Quality exception {number} cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed[from])}.");
    }
}
