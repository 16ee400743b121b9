using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Upkeep;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>A maintenance work order as pages and the API show it, with the unit's status now and the signatures given.</summary>
public sealed record WorkOrderView(
    string Number,
    string EquipmentCode,
    string EquipmentName,
    EquipmentStatus EquipmentStatus,
    WorkOrderKind Kind,
    WorkOrderStatus Status,
    string Task,
    string? Cause,
    DateOnly? DueOn,
    DateTimeOffset RaisedAt,
    string RaisedBy,
    string? AssignedTo,
    DateTimeOffset? StartedAt,
    string? StartedBy,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    string? WorkDone,
    string? PartsUsed,
    DateTimeOffset? ReleasedAt,
    string? ReleasedBy,
    DateTimeOffset? CancelledAt,
    string? CancelledBy,
    string? CancelReason,
    IReadOnlyList<LogbookSignature> Signatures)
{
    public bool IsOpen => Status is not (WorkOrderStatus.Released or WorkOrderStatus.Cancelled);

    /// <summary>A preventive order past its due date and not yet released.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueOn is { } due && due < today;

    public static WorkOrderView Of(MaintenanceWorkOrder w, string equipmentName, EquipmentStatus equipmentStatus, IReadOnlyList<LogbookSignature> signatures) =>
        new(w.Number, w.EquipmentCode.Value, equipmentName, equipmentStatus, w.Kind, w.Status, w.Task, w.Cause, w.DueOn, w.RaisedAt, w.RaisedByName,
            w.AssignedToName, w.StartedAt, w.StartedByName, w.CompletedAt, w.CompletedByName, w.WorkDone, w.PartsUsed, w.ReleasedAt, w.ReleasedByName,
            w.CancelledAt, w.CancelledByName, w.CancelReason, signatures);
}
