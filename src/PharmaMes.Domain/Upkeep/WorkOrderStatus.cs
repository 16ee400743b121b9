namespace PharmaMes.Domain.Upkeep;

/// <summary>
/// The life of a maintenance work order: raised (Open), given to a technician (Assigned), worked on
/// with the unit out of production (InProgress), finished with what was done (Completed), and handed
/// back to production with a signature (Released). Only work not yet started can be Cancelled.
/// </summary>
public enum WorkOrderStatus
{
    Open,
    Assigned,
    InProgress,
    Completed,
    Released,
    Cancelled,
}
