using System.Globalization;

namespace PharmaMes.Domain.Performance;

/// <summary>
/// The ideal rate an equipment is measured against over time (ISO 22400 planned run time per item, inverted): the rate
/// of the product it made at each moment, else its own. Units counted while a product ran are weighed at that product's
/// rate, so a press making small tablets fast and large ones slowly shows no speed loss for the large ones.
/// </summary>
public sealed class IdealRates
{
    private readonly List<ProductRun> _runs;

    /// <param name="equipmentRate">The equipment's own rate: between product runs, and for a product without its own.</param>
    /// <param name="runs">The product runs; overlapping ones are cut so that the later one starts where the earlier ends.</param>
    public IdealRates(double? equipmentRate, IEnumerable<ProductRun> runs)
    {
        EquipmentRate = equipmentRate is > 0 ? equipmentRate : null;
        _runs = [];
        foreach (var run in runs.Where(r => r.End > r.Start).OrderBy(r => r.Start))
        {
            var start = _runs.Count > 0 && _runs[^1].End > run.Start ? _runs[^1].End : run.Start;
            if (run.End > start)
                _runs.Add(run with { Start = start, RatePerMinute = run.RatePerMinute is > 0 ? run.RatePerMinute : EquipmentRate });
        }
    }

    /// <summary>One rate all the time (or none): the equipment's, with no product runs.</summary>
    public static IdealRates Constant(double? equipmentRate) => new(equipmentRate, []);

    public double? EquipmentRate { get; }

    public IReadOnlyList<ProductRun> Runs => _runs;

    /// <summary>Whether any rate is known at all.</summary>
    public bool AnyKnown => EquipmentRate is not null || _runs.Any(r => r.RatePerMinute is not null);

    /// <summary>The span (after, upTo] cut where the rate changes, each piece with its rate (null: unknown).</summary>
    public IEnumerable<(DateTimeOffset After, DateTimeOffset UpTo, double? Rate)> Pieces(DateTimeOffset after, DateTimeOffset upTo)
    {
        var at = after;
        foreach (var run in _runs)
        {
            if (run.End <= at)
                continue;
            if (run.Start >= upTo)
                break;
            if (run.Start > at)
            {
                yield return (at, run.Start, EquipmentRate);
                at = run.Start;
            }
            var end = run.End < upTo ? run.End : upTo;
            yield return (at, end, run.RatePerMinute);
            at = end;
        }
        if (at < upTo)
            yield return (at, upTo, EquipmentRate);
    }

    /// <summary>
    /// What decides the figures of the time from <paramref name="from"/> to <paramref name="to"/>: the equipment's rate and
    /// the product runs within, cut to it. Two periods with the same key and history have the same figures.
    /// </summary>
    public string Key(DateTimeOffset from, DateTimeOffset to) =>
        string.Join(";", Pieces(from, to).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.After.UtcTicks}-{p.UpTo.UtcTicks}:{p.Rate}")));
}
