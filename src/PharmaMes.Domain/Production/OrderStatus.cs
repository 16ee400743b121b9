namespace PharmaMes.Domain.Production;

/// <summary>The life of a production order (ISA-95 production request).</summary>
public enum OrderStatus
{
    /// <summary>Known to planning; quantity, due date and line may still change.</summary>
    Planned,
    /// <summary>Given to production: batches may be made for it.</summary>
    Released,
    /// <summary>Its first batch has started.</summary>
    InProgress,
    /// <summary>Production has ended; its batches await QA disposition.</summary>
    Completed,
    /// <summary>Every batch has a QA decision: nothing more happens to the order.</summary>
    Closed,
    /// <summary>Withdrawn before production started.</summary>
    Cancelled,
}
