using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// The plant as planning sees it at one moment: the problem to solve, the names people know its parts by, the times
/// equipment cannot run each with its own reason (the problem holds them joined where they overlap), the orders
/// that cannot be scheduled at all, each with why, and the orders that wait for a material.
/// </summary>
public sealed record PlantPlanningSnapshot(
    PlanningProblem Problem,
    IReadOnlyDictionary<(string Order, int Step), string> StepNames,
    IReadOnlyDictionary<string, PlanningEquipmentInfo> Equipment,
    IReadOnlyList<Unavailability> Unavailable,
    IReadOnlyList<UnscheduledOrder> Unscheduled,
    IReadOnlyList<RunningStep> Running,
    IReadOnlyDictionary<string, PlanningOrderInfo> Orders,
    IReadOnlyList<MaterialWait> MaterialWaits);

/// <summary>What people and the ERP know an order by, beside what the model needs of it.</summary>
public sealed record PlanningOrderInfo(string Number, string? CustomerReference, DateOnly DueDate);

/// <summary>A batch step running now: it holds its equipment until it is expected to end.</summary>
public sealed record RunningStep(string OrderNumber, string BatchNumber, int Step, string StepName, string EquipmentCode, string Product,
    DateTimeOffset StartedAt, DateTimeOffset ExpectedEnd);

/// <summary>An equipment's name, line and class, for the board's rows.</summary>
public sealed record PlanningEquipmentInfo(string Code, string Name, string Line, string Class);

/// <summary>An open order the schedule cannot place, and the reason in a planner's words.</summary>
public sealed record UnscheduledOrder(string Number, string Reason);
