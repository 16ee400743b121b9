using PharmaMes.Domain.Planning;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// A schedule impact in a list: <c>cause</c> names the equipment (material, lot) and what happened, <c>status</c> is
/// Proposed, Accepted or Superseded.
/// </summary>
public sealed record ImpactResource(
    Guid Id,
    string Cause,
    ImpactCause Kind,
    string Subject,
    DateTimeOffset RaisedAt,
    ImpactStatus Status,
    int OrdersAffected,
    int OrdersLate,
    IReadOnlyList<string> HeldBatches,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecisionReason)
{
    public static ImpactResource Of(ScheduleImpact i) =>
        new(i.Id, i.Description, i.Cause, i.Subject, i.RaisedAt, i.Status, i.Orders.Count, i.Orders.Count(o => o.MissesDueDate), i.HeldBatches,
            i.DecidedAt, i.DecidedBy, i.DecisionReason);
}

/// <summary>One impact with the orders it moves and the operations its proposal places.</summary>
public sealed record ImpactDetailResource(
    Guid Id,
    string Cause,
    ImpactCause Kind,
    string Subject,
    DateTimeOffset RaisedAt,
    ImpactStatus Status,
    IReadOnlyList<string> HeldBatches,
    string Method,
    double ProposedInMilliseconds,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecisionReason,
    IReadOnlyList<ImpactedOrderResource> Orders,
    IReadOnlyList<ProposedOperationResource> Operations)
{
    public static ImpactDetailResource Of(ScheduleImpact i) =>
        new(i.Id, i.Description, i.Cause, i.Subject, i.RaisedAt, i.Status, i.HeldBatches, i.Method, i.ProposedInMilliseconds, i.DecidedAt, i.DecidedBy,
            i.DecisionReason,
            [.. i.Orders.Select(o => new ImpactedOrderResource(o.OrderNumber, o.CustomerReference, o.DueDate, o.OldPlannedEnd, o.NewPlannedEnd, o.DelayMinutes,
                o.MissesDueDate, [.. i.Proposal.Where(p => p.OrderNumber == o.OrderNumber).OrderBy(p => p.Step).Select(ProposedOperationResource.Of)]))],
            [.. i.Proposal.OrderBy(p => p.Start).Select(ProposedOperationResource.Of)]);
}

/// <summary>An order the impact moves: its planned end before and in the proposal, the delay, and whether it now misses its due date.</summary>
public sealed record ImpactedOrderResource(
    string OrderNumber,
    string? CustomerReference,
    DateOnly DueDate,
    DateTimeOffset? OldPlannedEnd,
    DateTimeOffset NewPlannedEnd,
    int DelayMinutes,
    bool MissesDueDate,
    IReadOnlyList<ProposedOperationResource> ProposedOperations);

/// <summary>An operation as the proposal places it, beside where the schedule in force had it.</summary>
public sealed record ProposedOperationResource(
    string OrderNumber,
    int Step,
    string StepName,
    string EquipmentCode,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    string? PreviousEquipmentCode,
    DateTimeOffset? PreviousStart)
{
    public static ProposedOperationResource Of(ProposedOperation p) =>
        new(p.OrderNumber, p.Step, p.StepName, p.Equipment, p.Start, p.End, p.OldEquipment, p.OldStart);
}

/// <summary>Why the planner accepts the proposal (kept in the audit trail).</summary>
public sealed record ImpactAcceptanceRequest(string? Reason);
