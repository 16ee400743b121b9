using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Upkeep;

/// <summary>
/// A unit's preventive maintenance schedule: one task (e.g. "Replace punch seals, lubricate turret")
/// every so many days. When it falls due a preventive work order is raised; releasing that order
/// sets the next due date from the day the work was released, as maintenance schedules run.
/// </summary>
public class MaintenancePlan
{
    public const int TaskMaxLength = 300;
    public const int MaxIntervalDays = 5 * 365;

    public Guid Id { get; private set; }
    public Guid EquipmentId { get; private set; }
    public PlantCode EquipmentCode { get; private set; }
    public string Task { get; private set; } = "";
    public int IntervalDays { get; private set; }
    public DateOnly NextDueOn { get; private set; }
    public DateOnly? LastDoneOn { get; private set; }
    public bool Active { get; private set; }

    protected MaintenancePlan() { }

    public MaintenancePlan(Equipment equipment, string task, int intervalDays, DateOnly firstDueOn)
    {
        if (equipment.IsRetired)
            throw new DomainException($"{equipment.Code} is retired: it has no maintenance schedule.");
        Id = Ids.New();
        EquipmentId = equipment.Id;
        EquipmentCode = equipment.Code;
        Task = Guard.Text(task, "A maintenance task", TaskMaxLength);
        IntervalDays = Interval(intervalDays);
        NextDueOn = firstDueOn;
        Active = true;
    }

    public void Reschedule(int intervalDays, DateOnly nextDueOn)
    {
        IntervalDays = Interval(intervalDays);
        NextDueOn = nextDueOn;
    }

    /// <summary>The work was done and released on this day: the next is due one interval later.</summary>
    public void Done(DateOnly on)
    {
        LastDoneOn = on;
        NextDueOn = on.AddDays(IntervalDays);
    }

    /// <summary>The schedule stops (e.g. the unit is retired); it stays in the record.</summary>
    public void Stop() => Active = false;

    private static int Interval(int days) =>
        days is < 1 or > MaxIntervalDays
            ? throw new DomainException($"A maintenance interval must be between 1 and {MaxIntervalDays} days (got {days}).")
            : days;
}
