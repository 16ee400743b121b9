using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Upkeep;

/// <summary>
/// One maintenance job on one unit (21 CFR 211.67(b), 211.182): why it was raised, who it was given to,
/// when the unit was taken out of production, what was done and with which parts, and who released
/// the unit back with a signature. Starting the work puts the unit in Maintenance; releasing it leaves
/// the unit Dirty, because hands and tools were inside it and it is cleaned before the next product.
/// </summary>
public class MaintenanceWorkOrder
{
    public const int NumberMaxLength = 20;
    public const int TextMaxLength = 1000;
    public const int NameMaxLength = Person.NameMaxLength;

    public Guid Id { get; private set; }
    /// <summary>The human number, e.g. <c>WO-2026-0007</c>.</summary>
    public string Number { get; private set; } = "";
    public Guid EquipmentId { get; private set; }
    public PlantCode EquipmentCode { get; private set; }
    public WorkOrderKind Kind { get; private set; }
    public WorkOrderStatus Status { get; private set; }
    /// <summary>What is to be done.</summary>
    public string Task { get; private set; } = "";
    /// <summary>Why it was raised: the Down reason the unit reported, or the schedule it came from.</summary>
    public string? Cause { get; private set; }
    public Guid? PlanId { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public string RaisedByName { get; private set; } = "";
    public string? AssignedToName { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public string? StartedByName { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedByName { get; private set; }
    public string? WorkDone { get; private set; }
    public string? PartsUsed { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public string? ReleasedByName { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelledByName { get; private set; }
    public string? CancelReason { get; private set; }

    public bool IsOpen => Status is WorkOrderStatus.Open or WorkOrderStatus.Assigned or WorkOrderStatus.InProgress or WorkOrderStatus.Completed;

    protected MaintenanceWorkOrder() { }

    private MaintenanceWorkOrder(string number, Equipment equipment, WorkOrderKind kind, string task, string? cause, string raisedBy, DateTimeOffset at)
    {
        if (equipment.IsRetired)
            throw new DomainException($"{equipment.Code} is retired: no maintenance is raised on it.");
        Id = Ids.New();
        Number = Guard.Text(number, "A work order number", NumberMaxLength);
        EquipmentId = equipment.Id;
        EquipmentCode = equipment.Code;
        Kind = kind;
        Status = WorkOrderStatus.Open;
        Task = Guard.Text(task, "What is to be done", TextMaxLength);
        Cause = Guard.OptionalText(cause, "The cause", TextMaxLength);
        RaisedAt = at;
        RaisedByName = Guard.Text(raisedBy, "The name of who raised the work order", NameMaxLength);
    }

    /// <summary>Something broke: raised by a person, carrying the Down reason the unit gave, if any.</summary>
    public static MaintenanceWorkOrder Corrective(string number, Equipment equipment, string task, string? cause, Person raisedBy, DateTimeOffset at) =>
        new(number, equipment, WorkOrderKind.Corrective, task, cause, raisedBy.Name, at);

    /// <summary>Raised by the unit's maintenance schedule when its task falls due.</summary>
    public static MaintenanceWorkOrder Preventive(string number, Equipment equipment, MaintenancePlan plan, DateTimeOffset at)
    {
        if (plan.EquipmentId != equipment.Id)
            throw new DomainException($"This maintenance plan belongs to {plan.EquipmentCode}, not {equipment.Code}.");
        return new MaintenanceWorkOrder(number, equipment, WorkOrderKind.Preventive, plan.Task, $"Every {plan.IntervalDays} days", "maintenance schedule", at)
        {
            PlanId = plan.Id,
            DueOn = plan.NextDueOn,
        };
    }

    public void Assign(string technician, DateTimeOffset at)
    {
        Ensure("assigned", WorkOrderStatus.Open, WorkOrderStatus.Assigned);
        AssignedToName = Guard.Text(technician, "The technician's name", NameMaxLength);
        AssignedAt = at;
        Status = WorkOrderStatus.Assigned;
    }

    /// <summary>The technician takes the unit out of production and begins.</summary>
    public void Start(Equipment equipment, Person by, DateTimeOffset at)
    {
        Ensure("started", WorkOrderStatus.Open, WorkOrderStatus.Assigned);
        EnsureSameUnit(equipment);
        if (equipment.Status == EquipmentStatus.InUse)
            throw new DomainException($"{equipment.Code} is in use by batch {equipment.LastBatchNumber}: start the work once that step is complete.");
        if (equipment.Status == EquipmentStatus.Maintenance)
            throw new DomainException($"{equipment.Code} is already in maintenance under another work order: complete and release that one first.");
        equipment.StartMaintenance(at);
        StartedAt = at;
        StartedByName = by.Name;
        AssignedToName ??= by.Name;
        Status = WorkOrderStatus.InProgress;
    }

    public void Complete(string workDone, string? partsUsed, Person by, DateTimeOffset at)
    {
        Ensure("completed", WorkOrderStatus.InProgress);
        WorkDone = Guard.Text(workDone, "What was done", TextMaxLength);
        PartsUsed = Guard.OptionalText(partsUsed, "The parts used", TextMaxLength);
        CompletedAt = at;
        CompletedByName = by.Name;
        Status = WorkOrderStatus.Completed;
    }

    /// <summary>Hands the unit back to production (signed): it is Dirty until cleaned and verified.</summary>
    public void Release(Equipment equipment, MaintenancePlan? plan, Person by, DateTimeOffset at)
    {
        Ensure("released", WorkOrderStatus.Completed);
        EnsureSameUnit(equipment);
        equipment.ReleaseFromMaintenance(at);
        plan?.Done(DateOnly.FromDateTime(at.UtcDateTime));
        ReleasedAt = at;
        ReleasedByName = by.Name;
        Status = WorkOrderStatus.Released;
    }

    /// <summary>Work not started is no longer needed; the reason stays on the order.</summary>
    public void Cancel(string reason, Person by, DateTimeOffset at)
    {
        Ensure("cancelled", WorkOrderStatus.Open, WorkOrderStatus.Assigned);
        CancelReason = Guard.Text(reason, "A reason for cancelling", TextMaxLength);
        CancelledAt = at;
        CancelledByName = by.Name;
        Status = WorkOrderStatus.Cancelled;
    }

    /// <summary>What the releaser signs: the work as recorded.</summary>
    public SignedContent Content() => new SignedContent()
        .Add("Record", "MaintenanceWorkOrder")
        .Add("Id", Id)
        .Add("Number", Number)
        .Add("Equipment", EquipmentCode.Value)
        .Add("Kind", Kind)
        .Add("Task", Task)
        .Add("Cause", Cause)
        .Add("StartedAt", StartedAt)
        .Add("StartedBy", StartedByName)
        .Add("CompletedAt", CompletedAt)
        .Add("CompletedBy", CompletedByName)
        .Add("WorkDone", WorkDone)
        .Add("PartsUsed", PartsUsed);

    private void Ensure(string action, params WorkOrderStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new DomainException($"Work order {Number} is {Status}: it cannot be {action}"
                + $" (only when {string.Join(" or ", allowed)}).");
    }

    private void EnsureSameUnit(Equipment equipment)
    {
        if (equipment.Id != EquipmentId)
            throw new DomainException($"Work order {Number} is for {EquipmentCode}, not {equipment.Code}.");
    }
}
