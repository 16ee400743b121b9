namespace PharmaMes.Infrastructure.Planning;

/// <summary>One operation of the schedule in force put on an equipment at a start, as a planner drags it on the board.</summary>
public sealed record OperationMove(string OrderNumber, int Step, string EquipmentCode, DateTimeOffset Start);
