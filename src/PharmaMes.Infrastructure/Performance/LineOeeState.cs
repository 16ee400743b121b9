namespace PharmaMes.Infrastructure.Performance;

/// <summary>
/// The retained <c>{root}/{site}/_mes/oee/{line}</c> payload: the line's OEE in the current shift so far (fractions 0 – 1,
/// null when unknown), refreshed every minute.
/// </summary>
public sealed record LineOeeState(string Line, string Shift, DateTimeOffset ShiftStart, DateTimeOffset At,
    double? Availability, double? Performance, double? Quality, double? Oee,
    double PlannedSeconds, double RunSeconds, double DownSeconds, long TotalCount, long GoodCount, long RejectCount);
