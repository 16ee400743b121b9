using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Planning;

/// <summary>
/// One operation of the schedule in force: a step of an order placed on an equipment from a planned start to a
/// planned end. The schedule is replaced as a whole each time the plant is planned again; it is a plan, not a record
/// of what happened (batch records keep that). An operation of an order a planner moved by hand is pinned: planning
/// again by itself keeps that order where the planner put it until it runs.
/// </summary>
public class ScheduledOperation
{
    public const int StepNameMaxLength = 80;

    public Guid Id { get; private set; }
    public string OrderNumber { get; private set; } = "";
    public int Step { get; private set; }
    public string StepName { get; private set; } = "";
    public string EquipmentCode { get; private set; } = "";
    public DateTimeOffset PlannedStart { get; private set; }
    public DateTimeOffset PlannedEnd { get; private set; }
    /// <summary>When the schedule this belongs to was made.</summary>
    public DateTimeOffset PlannedAt { get; private set; }
    /// <summary>Placed by a planner: kept as it is when the plant is planned again by itself.</summary>
    public bool Pinned { get; private set; }

    protected ScheduledOperation() { }

    public ScheduledOperation(PlannedOperation operation, string stepName, DateTimeOffset plannedAt, bool pinned = false)
    {
        if (operation.End <= operation.Start)
            throw new DomainException($"Step {operation.Step} of order {operation.OrderNumber} must end after it starts.");
        Id = Ids.New();
        OrderNumber = operation.OrderNumber;
        Step = operation.Step;
        StepName = stepName.Length > StepNameMaxLength ? stepName[..StepNameMaxLength] : stepName;
        EquipmentCode = operation.Equipment;
        PlannedStart = operation.Start;
        PlannedEnd = operation.End;
        PlannedAt = plannedAt;
        Pinned = pinned;
    }

    public PlannedOperation Planned => new(OrderNumber, Step, EquipmentCode, PlannedStart, PlannedEnd);
}
