using PharmaMes.Domain.Performance;
using PharmaMes.Infrastructure.Performance;

namespace PharmaMes.Web.Endpoints;

/// <summary>OEE of an equipment or a line as the API returns it: fractions 0 – 1 (null when unknown), seconds and counts.</summary>
public sealed record OeeResource(
    string Code, DateTimeOffset From, DateTimeOffset To,
    double? Availability, double? Performance, double? Quality, double? Oee,
    double PlannedSeconds, double RunSeconds, double DownSeconds,
    long TotalCount, long GoodCount, long RejectCount, double? IdealRatePerMinute,
    IReadOnlyList<OeeLossResource> Losses, double? MtbfSeconds, double? MttrSeconds, SixBigLosses SixBigLosses,
    IReadOnlyList<OeePeriodResource> Periods)
{
    public static OeeResource Of(OeeReport report)
    {
        var f = report.Figures;
        return new(report.Code, report.From, report.To, f.Availability, f.Performance, f.Quality, f.Oee, f.PlannedSeconds, f.RunSeconds, f.DownSeconds,
            f.TotalCount, f.GoodCount, f.RejectCount, f.IdealRatePerMinute, OeeLossResource.Of(f.Losses), f.MtbfSeconds, f.MttrSeconds, f.SixBigLosses,
            [.. report.Periods.Select(OeePeriodResource.Of)]);
    }
}

/// <summary>Planned time lost to one reason: <c>count</c> is the number of stops.</summary>
public sealed record OeeLossResource(string Reason, string State, double Seconds, int Count)
{
    public static IReadOnlyList<OeeLossResource> Of(IReadOnlyList<OeeLoss> losses) =>
        [.. losses.Select(l => new OeeLossResource(l.Reason, l.State.ToString(), l.Seconds, l.Stops))];
}

/// <summary>The figures of one shift occurrence or hour.</summary>
public sealed record OeePeriodResource(
    string Name, DateTimeOffset Start, DateTimeOffset End,
    double? Availability, double? Performance, double? Quality, double? Oee,
    double PlannedSeconds, double RunSeconds, double DownSeconds, long TotalCount, long GoodCount, long RejectCount,
    IReadOnlyList<OeeLossResource> Losses)
{
    public static OeePeriodResource Of(OeePeriod p) =>
        new(p.Name, p.Start, p.End, p.Figures.Availability, p.Figures.Performance, p.Figures.Quality, p.Figures.Oee,
            p.Figures.PlannedSeconds, p.Figures.RunSeconds, p.Figures.DownSeconds, p.Figures.TotalCount, p.Figures.GoodCount, p.Figures.RejectCount,
            OeeLossResource.Of(p.Figures.Losses));
}
