namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>One tag's readings over a range, with its unit and limits, ready to draw.</summary>
public sealed record TelemetrySeries(
    string EquipmentCode,
    string Tag,
    string Description,
    string Unit,
    double NormalLow,
    double NormalHigh,
    double AlarmLow,
    double AlarmHigh,
    DateTimeOffset From,
    DateTimeOffset To,
    int RawCount,
    bool Downsampled,
    IReadOnlyList<TelemetryPoint> Points);

/// <summary>A reading, or for a downsampled range the average, lowest and highest of a time bucket.</summary>
public sealed record TelemetryPoint(DateTimeOffset Time, double Value, double Min, double Max);
