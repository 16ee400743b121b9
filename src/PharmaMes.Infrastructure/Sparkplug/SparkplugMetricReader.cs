using System.Globalization;
using PharmaMes.Infrastructure.Sparkplug.Protocol;

namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>Reads a metric's value by the data type its birth declared (Sparkplug 3.0, chapter 6.4.16).</summary>
public static class SparkplugMetricReader
{
    /// <summary>The engineering unit property Ignition and most edge nodes send with a birth.</summary>
    public const string UnitProperty = "engUnit";

    /// <summary>Null with the reason when the value cannot be read as the MES stores values.</summary>
    public static (double? Number, string? Text)? Read(SparkplugMetric metric, SparkplugDataType type, out string? problem)
    {
        problem = null;
        if (metric.IsNull)
            return (null, null);
        var carried = metric.ValueCase;
        (double? Number, string? Text)? value = (type, carried) switch
        {
            (SparkplugDataType.Int8, SparkplugMetric.ValueOneofCase.IntValue) => ((sbyte)metric.IntValue, null),
            (SparkplugDataType.Int16, SparkplugMetric.ValueOneofCase.IntValue) => ((short)metric.IntValue, null),
            (SparkplugDataType.Int32, SparkplugMetric.ValueOneofCase.IntValue) => (unchecked((int)metric.IntValue), null),
            (SparkplugDataType.UInt8 or SparkplugDataType.UInt16, SparkplugMetric.ValueOneofCase.IntValue) => (metric.IntValue, null),
            (SparkplugDataType.Int64, SparkplugMetric.ValueOneofCase.LongValue) => (unchecked((long)metric.LongValue), null),
            (SparkplugDataType.UInt32 or SparkplugDataType.UInt64 or SparkplugDataType.DateTime, SparkplugMetric.ValueOneofCase.LongValue) => (metric.LongValue, null),
            // Some edge nodes put a UInt32 in int_value, as before Sparkplug 3.0.
            (SparkplugDataType.UInt32, SparkplugMetric.ValueOneofCase.IntValue) => (metric.IntValue, null),
            (SparkplugDataType.Float, SparkplugMetric.ValueOneofCase.FloatValue) => (metric.FloatValue, null),
            (SparkplugDataType.Double, SparkplugMetric.ValueOneofCase.DoubleValue) => (metric.DoubleValue, null),
            (SparkplugDataType.Boolean, SparkplugMetric.ValueOneofCase.BooleanValue) => (metric.BooleanValue ? 1 : 0, null),
            (SparkplugDataType.String or SparkplugDataType.Text or SparkplugDataType.UUID, SparkplugMetric.ValueOneofCase.StringValue) => (null, metric.StringValue),
            _ => null,
        };
        if (value is null)
            problem = type is SparkplugDataType.DataSet or SparkplugDataType.Template or SparkplugDataType.Bytes or SparkplugDataType.File
                ? $"Metric \"{metric.Name}\" is a {type}, which the MES does not map to a tag."
                : $"Metric \"{metric.Name}\" is declared {type} but carries {carried}.";
        else if (value.Value.Number is { } number && !double.IsFinite(number))
        {
            problem = $"Metric \"{metric.Name}\" is {number.ToString(CultureInfo.InvariantCulture)}, not a finite number.";
            return null;
        }
        return value;
    }

    /// <summary>The <see cref="UnitProperty"/> of a birth's metric, when it has one.</summary>
    public static string? Unit(SparkplugMetric metric)
    {
        if (metric.Properties is not { } properties)
            return null;
        var index = properties.Keys.IndexOf(UnitProperty);
        return index >= 0 && index < properties.Values.Count && properties.Values[index].ValueCase == SparkplugPropertyValue.ValueOneofCase.StringValue
            ? properties.Values[index].StringValue
            : null;
    }
}
