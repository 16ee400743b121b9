using PharmaMes.Infrastructure.Planning;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// The schedule in force: orders with their operations, what could not be placed, when equipment cannot run, and the
/// orders that wait for a material (a delivery when <c>missing</c> &gt; 0, else a lot's release from Quarantine).
/// </summary>
public sealed record ScheduleResource(
    DateTimeOffset? PlannedAt,
    string? Method,
    double? WeightedTardinessMinutes,
    IReadOnlyList<ScheduledOrderResource> Orders,
    IReadOnlyList<UnscheduledOrderResource> Unscheduled,
    IReadOnlyList<UnavailableResource> Unavailable,
    IReadOnlyList<MaterialWaitResource> MaterialWaits)
{
    public static ScheduleResource Of(ScheduleView view) =>
        new(view.PlannedAt, view.Method, view.WeightedTardinessMinutes is { } t ? Math.Round(t, 1) : null,
            [.. view.Orders.Select(ScheduledOrderResource.Of)],
            [.. view.Unscheduled.Select(u => new UnscheduledOrderResource(u.Number, u.Reason))],
            [.. view.Unavailable.Select(u => new UnavailableResource(u.EquipmentCode, u.Start, u.End, u.Reason))],
            [.. view.MaterialWaits.Select(w => new MaterialWaitResource(w.OrderNumber, w.Material, w.Missing, w.Unit, w.Until))]);
}

/// <summary>An order on the schedule; <c>lateMinutes</c> is how far its planned end is past the end of its due date.</summary>
public sealed record ScheduledOrderResource(
    string OrderNumber,
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
    int LateMinutes,
    IReadOnlyList<ScheduledOperationResource> Operations)
{
    public static ScheduledOrderResource Of(ScheduledOrderView o) =>
        new(o.Number, o.Product, o.Quantity, o.Unit, o.Priority, o.PriorityName, o.Status, o.DueDate, o.CustomerReference, o.PlannedStart, o.PlannedEnd,
            (int)Math.Ceiling(o.Lateness.TotalMinutes),
            [.. o.Operations.Select(s => new ScheduledOperationResource(s.OrderNumber, s.Step, s.StepName, s.EquipmentCode, s.PlannedStart, s.PlannedEnd))]);
}

/// <summary>One step of an order placed on an equipment.</summary>
public sealed record ScheduledOperationResource(string OrderNumber, int Step, string StepName, string EquipmentCode, DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd);

/// <summary>An open order that cannot be placed, and why.</summary>
public sealed record UnscheduledOrderResource(string OrderNumber, string Reason);

/// <summary>An order that cannot start before <c>until</c> for want of a material.</summary>
public sealed record MaterialWaitResource(string OrderNumber, string Material, decimal Missing, string Unit, DateTimeOffset Until);

/// <summary>A time an equipment cannot run (Down, maintenance, no shift, calibration due).</summary>
public sealed record UnavailableResource(string EquipmentCode, DateTimeOffset Start, DateTimeOffset End, string Reason);
