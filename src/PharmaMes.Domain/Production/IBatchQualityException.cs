namespace PharmaMes.Domain.Production;

/// <summary>
/// A quality exception as a batch record notes it. Quality exceptions are raised against batches, so
/// the quality area builds on production, and production knows them only through this.
/// </summary>
public interface IBatchQualityException
{
    Guid? BatchId { get; }

    /// <summary>The exception's number as printed, e.g. <c>QE-2026-0007</c>.</summary>
    string Reference { get; }

    /// <summary>Where it is in its handling, as QA names it (Open, UnderInvestigation, Closed).</summary>
    string Stage { get; }

    bool IsOpen { get; }
    int? StepNumber { get; }
    string Title { get; }
    DateTimeOffset RaisedAt { get; }
    Guid? RaisedById { get; }
    string RaisedByName { get; }
    DateTimeOffset? ClosedAt { get; }
    Guid? ClosedById { get; }
    string? ClosedByName { get; }
    string? Closure { get; }
}
