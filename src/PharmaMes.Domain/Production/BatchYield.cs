using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Domain.Production;

/// <summary>
/// What a batch actually made, decided when it completes: the good quantity the operator counted, or else the
/// good count the line's counters reported over the batch's steps. With both, the count is reconciled against
/// the line: a difference beyond <see cref="ReconciliationTolerancePercent"/> is flagged for QA. Never the plan.
/// </summary>
public sealed record BatchYield
{
    public const decimal ReconciliationTolerancePercent = 2m;

    public Quantity Actual { get; }
    public long? LineCount { get; }
    public decimal? Counted { get; }

    private BatchYield(Quantity actual, long? lineCount, decimal? counted) => (Actual, LineCount, Counted) = (actual, lineCount, counted);

    public static BatchYield Decide(Quantity planned, long? lineCount, decimal? counted)
    {
        if (counted is { } c)
        {
            if (c <= 0)
                throw new DomainException("The quantity made must be more than 0; a batch that made nothing is aborted, not completed.");
            return new BatchYield(new Quantity(c, planned.Unit), lineCount, c);
        }
        if (lineCount is > 0 and var good)
            return new BatchYield(new Quantity(good, planned.Unit), good, null);
        throw new DomainException($"Enter the good quantity made, in {planned.Unit}: the line reported no count for this batch.");
    }

    /// <summary>The operator's count beyond the tolerance from the line's: recorded, and flagged for QA's review.</summary>
    public bool OutsideReconciliation =>
        LineCount is > 0 and var line && Counted is { } counted && Math.Abs(counted - line) * 100m / line > ReconciliationTolerancePercent;

    public decimal YieldPercentOf(Quantity planned) => planned.Amount == 0 ? 0 : Math.Round(Actual.Amount * 100m / planned.Amount, 1);

    /// <summary>The record's words for it: where the quantity came from and how it compares.</summary>
    public string Describe(Quantity planned)
    {
        var source = (Counted, LineCount) switch
        {
            ({ }, { } line) => $"counted by the operator; the line counted {Canonical.Number(line)} {planned.Unit}"
                + (OutsideReconciliation ? $" — difference beyond {ReconciliationTolerancePercent} %" : " — reconciled"),
            ({ }, null) => "counted by the operator; the line reported no count",
            _ => "the line's good count over the batch's steps",
        };
        return $"Yield {Canonical.Number(Actual.Amount)} {Actual.Unit} of {Canonical.Number(planned.Amount)} planned ({YieldPercentOf(planned)} %): {source}.";
    }
}
