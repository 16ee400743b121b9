namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>
/// One metric value from a birth or a data message, decoded with its birth's data type: a number
/// (integers, floats, booleans as 1 and 0, DateTime as ms since the epoch) or a text.
/// </summary>
/// <param name="Device">Null for the edge node's own metrics.</param>
/// <param name="IsHistorical">Stored with its own timestamp, not taken for the current value.</param>
public sealed record SparkplugValue(string? Device, SparkplugMetricDefinition Metric, DateTimeOffset At, double? Number, string? Text,
    bool IsNull, bool IsHistorical);
