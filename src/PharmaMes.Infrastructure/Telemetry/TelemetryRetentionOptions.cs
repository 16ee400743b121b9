using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>The <c>Telemetry</c> section.</summary>
public sealed class TelemetryRetentionOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Raw samples older than this many days are deleted; 0 keeps them forever (the default: a
    /// site decides, since a batch record may rely on them). Excursions, state intervals and
    /// counts are never deleted.
    /// </summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; init; }
}
