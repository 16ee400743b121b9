namespace PharmaMes.Web.Endpoints;

/// <summary>A planner's move of one operation: where and when it goes, why; with <c>check</c> only what it would do.</summary>
public sealed record OperationMoveRequest(string? OrderNumber, int? Step, string? EquipmentCode, DateTimeOffset? PlannedStart, string? Reason, bool? Check);
