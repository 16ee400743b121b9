namespace PharmaMes.Domain.Performance;

/// <summary>
/// A ledger from an equipment's running totals (good and rejected units counted up to an instant), read once for every
/// instant the calculation will ask about (<see cref="OeeCalculation.CountInstants"/>): each question is a subtraction.
/// </summary>
public sealed class RunningTotals(IReadOnlyDictionary<DateTimeOffset, (long Good, long Reject)> totals) : CountLedger
{
    public override (long Good, long Reject) Between(DateTimeOffset after, DateTimeOffset upTo)
    {
        if (upTo <= after)
            return (0, 0);
        var (from, to) = (At(after), At(upTo));
        return (to.Good - from.Good, to.Reject - from.Reject);
    }

    private (long Good, long Reject) At(DateTimeOffset instant) =>
        totals.TryGetValue(instant, out var total)
            ? total
            : throw new InvalidOperationException($"The running totals were not read at {instant:O}.");
}
