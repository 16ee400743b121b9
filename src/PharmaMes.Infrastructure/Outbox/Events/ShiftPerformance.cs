namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>
/// A line's OEE for a shift that has ended (ISO 22400-2; fractions 0 – 1, null when unknown), with each unit's
/// counts and run time, for the ERP's capacity and cost figures.
/// </summary>
public sealed record ShiftPerformance(
    string Line, string LineName, string Shift, DateTimeOffset ShiftStart, DateTimeOffset ShiftEnd,
    double? Availability, double? Performance, double? Quality, double? Oee,
    double PlannedSeconds, double RunSeconds, double DownSeconds, long TotalCount, long GoodCount, long RejectCount,
    IReadOnlyList<ShiftLoss> Losses, IReadOnlyList<ShiftUnit> Equipment);

/// <summary>Planned time one reason took in the shift, in how many stops.</summary>
public sealed record ShiftLoss(string Reason, double Seconds, int Count);

/// <summary>One equipment's part of the shift.</summary>
public sealed record ShiftUnit(string Equipment, double? Oee, double RunSeconds, long TotalCount, long GoodCount, long RejectCount);
