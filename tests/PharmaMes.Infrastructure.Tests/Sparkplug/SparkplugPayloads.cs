using Google.Protobuf;
using PharmaMes.Infrastructure.Sparkplug;
using PharmaMes.Infrastructure.Sparkplug.Protocol;

namespace PharmaMes.Infrastructure.Tests.Sparkplug;

/// <summary>Builds Sparkplug B payloads as an edge node sends them.</summary>
internal static class SparkplugPayloads
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    public static ulong Ms(DateTimeOffset at) => (ulong)at.ToUnixTimeMilliseconds();

    public static SparkplugPayload Payload(ulong seq, params SparkplugMetric[] metrics)
    {
        var payload = new SparkplugPayload { Timestamp = Ms(T0), Seq = seq };
        payload.Metrics.AddRange(metrics);
        return payload;
    }

    public static SparkplugMetric BdSeq(ulong value) =>
        new() { Name = SparkplugEdgeNode.BirthDeathSequence, Datatype = (uint)SparkplugDataType.Int64, LongValue = value };

    public static SparkplugMetric Double(string name, ulong alias, double value, string? unit = null)
    {
        var metric = new SparkplugMetric { Name = name, Alias = alias, Datatype = (uint)SparkplugDataType.Double, DoubleValue = value };
        if (unit is not null)
        {
            metric.Properties = new SparkplugPropertySet();
            metric.Properties.Keys.Add(SparkplugMetricReader.UnitProperty);
            metric.Properties.Values.Add(new SparkplugPropertyValue { Type = (uint)SparkplugDataType.String, StringValue = unit });
        }
        return metric;
    }

    /// <summary>A data message's metric: the alias alone, as births promise.</summary>
    public static SparkplugMetric ByAlias(ulong alias, double value) => new() { Alias = alias, DoubleValue = value };

    public static SparkplugTopic Topic(string type, string? device = null) =>
        SparkplugTopic.TryParse($"spBv1.0/PLANT1/{type}/OSD-L1" + (device is null ? "" : "/" + device), out _)!;

    /// <summary>Through the wire and back, as the host receives it.</summary>
    public static SparkplugPayload OverTheWire(SparkplugPayload payload) => SparkplugPayload.Parser.ParseFrom(payload.ToByteArray());
}
