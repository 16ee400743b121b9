using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>The "Performance" section: how OEE judges stops.</summary>
public sealed class PerformanceOptions
{
    public const string Section = "Performance";

    /// <summary>
    /// A stop shorter than this is a small stop (a performance loss, ISO 22400's minor stoppage) and waits for no reason;
    /// one at least this long is a breakdown or a setup and waits for the operator's reason.
    /// </summary>
    [Range(1, 3600)]
    public int SmallStopSeconds { get; set; } = (int)Domain.Performance.OeeCalculation.DefaultSmallStop.TotalSeconds;

    public TimeSpan SmallStop => TimeSpan.FromSeconds(SmallStopSeconds);
}
