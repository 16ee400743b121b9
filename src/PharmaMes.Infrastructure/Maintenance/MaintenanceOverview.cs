using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>What maintenance must act on now: units down, units not clean, calibrations due, cleanings to verify, open work orders.</summary>
public sealed record MaintenanceOverview(
    DateTimeOffset At,
    IReadOnlyList<UnitDown> Down,
    IReadOnlyList<UnitToClean> ToClean,
    IReadOnlyList<CleaningToVerify> ToVerify,
    IReadOnlyList<CalibrationDue> CalibrationsDue,
    IReadOnlyList<WorkOrderView> WorkOrders);

/// <param name="WorkOrder">The open corrective work order on the unit, if one was raised.</param>
public sealed record UnitDown(string Code, string Name, string Line, DateTimeOffset Since, string? Reason, string? WorkOrder = null);

/// <summary>A unit that needs cleaning before product: dirty, or past its clean hold time.</summary>
public sealed record UnitToClean(string Code, string Name, string Line, EquipmentState State, DateTimeOffset Since, string? AfterBatch, string? AfterProduct,
    bool NeedsMajorCleaning, string Why);

/// <summary>A cleaning waiting for a second person; <see cref="CleanedById"/> is null when the unit reported it itself.</summary>
public sealed record CleaningToVerify(Guid RecordId, string Code, string Name, CleaningMethod Method, string? Agent, DateTimeOffset CleanedAt, string CleanedBy,
    Guid? CleanedById)
{
    public bool ReportedByDevice => CleanedById is null;
}

/// <summary>A unit whose calibration is overdue, failed, or due within the look-ahead.</summary>
public sealed record CalibrationDue(string Code, string Name, string Line, DateOnly? DueOn, DateOnly? FailedOn, int CalibrationIntervalDays, bool Overdue,
    IReadOnlyList<string> Instruments);
