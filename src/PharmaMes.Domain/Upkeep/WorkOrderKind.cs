namespace PharmaMes.Domain.Upkeep;

/// <summary>Why a maintenance work order exists: planned from a unit's schedule, or raised because something broke.</summary>
public enum WorkOrderKind
{
    Preventive,
    Corrective,
}
