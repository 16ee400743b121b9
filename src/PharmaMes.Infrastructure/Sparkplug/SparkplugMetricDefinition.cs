namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>A metric as its birth certificate declares it: name, alias, data type, engineering unit.</summary>
public sealed record SparkplugMetricDefinition(string Name, ulong? Alias, SparkplugDataType DataType, string? Unit);
