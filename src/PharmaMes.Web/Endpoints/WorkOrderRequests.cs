namespace PharmaMes.Web.Endpoints;

/// <summary>A corrective work order raised on a unit; without a cause, the unit's Down reason is carried over.</summary>
public sealed record WorkOrderRequest(string? Task, string? Cause);

/// <summary>Who a work order is given to.</summary>
public sealed record WorkOrderAssignment(string? Technician);

/// <summary>What was done and with which parts.</summary>
public sealed record WorkOrderCompletion(string? WorkDone, string? PartsUsed);

/// <summary>The release of the unit back to production, signed by the releaser.</summary>
public sealed record WorkOrderRelease(SignatureRequestBody? Signature);

/// <summary>Why work not started is no longer needed.</summary>
public sealed record WorkOrderCancellation(string? Reason);

/// <summary>A preventive task every so many days, first due on a day.</summary>
public sealed record MaintenancePlanRequest(string? Task, int? IntervalDays, DateOnly? FirstDueOn, string? Reason);

/// <summary>A work order just raised.</summary>
public sealed record WorkOrderRaised(string Number);

/// <summary>A unit's preventive maintenance schedule entry.</summary>
public sealed record MaintenancePlanResource(Guid Id, string EquipmentCode, string Task, int IntervalDays, DateOnly NextDueOn, DateOnly? LastDoneOn);
