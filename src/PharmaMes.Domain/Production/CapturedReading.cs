using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Domain.Production;

/// <summary>
/// A value taken from the telemetry of the equipment running a step: the tag, how it was taken,
/// and the readings it stands for (one reading at <see cref="From"/> = <see cref="To"/>, or the
/// lowest, highest or mean of <see cref="Readings"/> readings between the two).
/// </summary>
public sealed record CapturedReading(PlantCode Equipment, TagName Tag, CaptureMode Mode, double Value, DateTimeOffset From, DateTimeOffset To, int Readings)
{
    /// <summary>How the record says where the value came from.</summary>
    public string Describe()
    {
        var source = $"{Equipment} {Tag}";
        var from = From.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var to = To.UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return Mode switch
        {
            CaptureMode.AtRecording => $"Captured from {source}, reading of {from} UTC.",
            CaptureMode.StepMinimum => $"Captured from {source}: lowest of {Readings} readings {from} – {to} UTC.",
            CaptureMode.StepMaximum => $"Captured from {source}: highest of {Readings} readings {from} – {to} UTC.",
            _ => $"Captured from {source}: mean of {Readings} readings {from} – {to} UTC.",
        };
    }
}
