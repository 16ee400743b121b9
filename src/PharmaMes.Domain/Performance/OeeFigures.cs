namespace PharmaMes.Domain.Performance;

/// <summary>
/// ISO 22400-2 figures of one equipment over a period: availability = run time ÷ planned time, performance =
/// (total count ÷ ideal rate) ÷ run time, quality = good ÷ total, OEE = A × P × Q. A figure that would divide
/// by zero (no planned time, no run time, no count, no ideal rate) is null, not zero.
/// </summary>
public sealed record OeeFigures(
    double PlannedSeconds,
    double RunSeconds,
    double DownSeconds,
    long TotalCount,
    long GoodCount,
    long RejectCount,
    double? IdealRatePerMinute,
    double? Availability,
    double? Performance,
    double? Quality,
    double? Oee,
    double? MtbfSeconds,
    double? MttrSeconds,
    IReadOnlyList<OeeLoss> Losses,
    SixBigLosses SixBigLosses)
{
    /// <summary>Down stops in the planned time (MTBF = run time ÷ failures); kept so that periods add up exactly.</summary>
    public int Failures { get; init; }

    /// <summary>
    /// The seconds the units counted needed at their ideal rate (each at its product's where products have their own):
    /// performance = this ÷ run time. Null when a rate was unknown.
    /// </summary>
    public double? IdealSeconds { get; init; }

    /// <summary>The same for the good units alone: a line weighs its units' quality by it.</summary>
    public double? GoodIdealSeconds { get; init; }
}
