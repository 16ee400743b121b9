using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// The schedule in force as planners read it: each open order with its planned operations, the equipment rows with the
/// times they cannot run, the orders that could not be placed, the orders waiting for a material, and how the schedule
/// was made.
/// </summary>
public sealed record ScheduleView(
    DateTimeOffset? PlannedAt,
    string? Method,
    double? WeightedTardinessMinutes,
    IReadOnlyList<ScheduledOrderView> Orders,
    IReadOnlyList<PlanningEquipmentInfo> Equipment,
    IReadOnlyList<UnavailableView> Unavailable,
    IReadOnlyList<UnscheduledOrder> Unscheduled,
    IReadOnlyList<RunningStep> Running,
    IReadOnlyList<MaterialWait> MaterialWaits);

/// <summary>An order on the schedule: what, by when, and when it is planned to start and end.</summary>
public sealed record ScheduledOrderView(
    string Number,
    string Product,
    decimal Quantity,
    string Unit,
    int Priority,
    string PriorityName,
    string Status,
    DateOnly DueDate,
    string? CustomerReference,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    /// <summary>How late the planned end is against the end of the due date; zero when on time.</summary>
    TimeSpan Lateness,
    IReadOnlyList<ScheduledOperationView> Operations)
{
    public bool IsLate => Lateness > TimeSpan.Zero;
}

/// <summary>One step of an order placed on an equipment; pinned when a planner placed its order by hand.</summary>
public sealed record ScheduledOperationView(string OrderNumber, int Step, string StepName, string EquipmentCode, DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd, string Product, bool Pinned = false);

/// <summary>A time an equipment cannot run, with why.</summary>
public sealed record UnavailableView(string EquipmentCode, DateTimeOffset Start, DateTimeOffset End, string Reason);
