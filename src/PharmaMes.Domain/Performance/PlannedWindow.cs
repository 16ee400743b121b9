namespace PharmaMes.Domain.Performance;

/// <summary>A span of planned production time (ISO 22400 planned busy time) within one shift.</summary>
/// <param name="ShiftStart">When the shift this window belongs to started: it names the shift occurrence.</param>
/// <param name="ShiftEnd">When that shift ends, breaks and all: after it, the shift's figures are final.</param>
public sealed record PlannedWindow(DateTimeOffset Start, DateTimeOffset End, string Shift, DateTimeOffset ShiftStart, DateTimeOffset ShiftEnd)
{
    public TimeSpan Length => End - Start;
}
