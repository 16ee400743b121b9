namespace PharmaMes.Domain.Quality;

/// <summary>Where a quality exception is in its handling. A batch is released only when all of its are Closed.</summary>
public enum QualityExceptionStatus
{
    Open,
    UnderInvestigation,
    Closed,
}
