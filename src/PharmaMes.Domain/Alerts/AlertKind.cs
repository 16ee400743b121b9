namespace PharmaMes.Domain.Alerts;

public enum AlertKind
{
    EquipmentDown,
    Excursion,
    /// <summary>Available stock of a material fell below its reorder point: procurement should order.</summary>
    BelowReorderPoint,
    /// <summary>At the current consumption rate, available stock runs out within the alert horizon.</summary>
    StockOutProjected,
    /// <summary>A disturbance changed the schedule: a proposal waits for a planner.</summary>
    ScheduleImpact,
}
