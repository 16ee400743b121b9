namespace PharmaMes.Domain.Planning;

/// <summary>What disturbed the schedule.</summary>
public enum ImpactCause
{
    /// <summary>An equipment went Down or into unplanned maintenance.</summary>
    EquipmentDown,
    /// <summary>An equipment that was Down runs again: the schedule may take it back.</summary>
    EquipmentBack,
}
