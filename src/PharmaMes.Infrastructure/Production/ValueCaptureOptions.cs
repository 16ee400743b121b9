using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Production;

/// <summary>The <c>Capture</c> section: how process parameters are taken from equipment telemetry.</summary>
public sealed class ValueCaptureOptions
{
    public const string Section = "Capture";

    /// <summary>
    /// A parameter captured "at recording" takes the tag's latest reading only when it is at most this
    /// many seconds old; an older one means the device is silent, and the operator types the value with
    /// a reason instead. Two minutes covers devices that report every few seconds or on change.
    /// </summary>
    [Range(1, 86_400)]
    public int MaxReadingAgeSeconds { get; init; } = 120;
}
