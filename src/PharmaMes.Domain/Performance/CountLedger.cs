namespace PharmaMes.Domain.Performance;

/// <summary>
/// The units an equipment made between two instants: the counter reports later than the first instant, up to and
/// including the second (a report covers the time before it). OEE asks only this, so it can be answered from the reports
/// themselves (<see cref="ReportedCounts"/>) or from running totals read at the instants asked (<see cref="RunningTotals"/>).
/// </summary>
public abstract class CountLedger
{
    public abstract (long Good, long Reject) Between(DateTimeOffset after, DateTimeOffset upTo);

    public static CountLedger Of(IReadOnlyList<CountReport> reports) => new ReportedCounts(reports);
}
