namespace PharmaMes.Domain.Planning;

/// <summary>An operation placed: on which equipment, from when to when.</summary>
public sealed record PlannedOperation(string OrderNumber, int Step, string Equipment, DateTimeOffset Start, DateTimeOffset End);
