namespace PharmaMes.Domain.Planning;

/// <summary>What disturbed the schedule.</summary>
public enum ImpactCause
{
    /// <summary>An equipment went Down or into unplanned maintenance.</summary>
    EquipmentDown,
    /// <summary>An equipment that was Down runs again: the schedule may take it back.</summary>
    EquipmentBack,
    /// <summary>The schedule needs more of a material than there will be (stock used or scrapped, more ordered).</summary>
    MaterialShort,
    /// <summary>QA rejected a lot the schedule counted on.</summary>
    LotRejected,
    /// <summary>QA put a released lot the schedule counted on back into Quarantine (on hold).</summary>
    LotHeld,
    /// <summary>A planner moved an operation on the board.</summary>
    PlannerChange,
}
