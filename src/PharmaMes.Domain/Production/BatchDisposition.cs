namespace PharmaMes.Domain.Production;

/// <summary>QA's decision on a batch after reviewing its record. Released and Rejected are final.</summary>
public enum BatchDisposition
{
    PendingReview,
    Released,
    Rejected,
}
