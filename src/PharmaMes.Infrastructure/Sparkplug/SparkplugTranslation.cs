using System.Globalization;
using System.Text.Json;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>
/// Sparkplug values as the MES's own device messages, so that they go through the same pipeline:
/// validation, excursions, state intervals, quarantine, live push. By default a Sparkplug group is
/// a site, an edge node a line, a device an equipment and a metric a tag (the plant model may name
/// others, see docs/plant-model.md, "Sparkplug B mapping"); a String metric named
/// <c>state</c> is the equipment's state, and a device's death makes it Offline.
/// </summary>
public static class SparkplugTranslation
{
    public const string StateMetric = "state";

    /// <summary>A device message on the equipment's own topic (telemetry or state), JSON as the contract has it.</summary>
    public sealed record DeviceMessage(string Topic, byte[] Json);

    public static IEnumerable<DeviceMessage> Values(string topicRoot, PlantDirectory.Entry equipment, IEnumerable<SparkplugValue> values)
    {
        var at = DeviceTopic.BaseOf(topicRoot, equipment.Site, equipment.Area, equipment.Line, equipment.Code);
        foreach (var sameTime in values.Where(v => !v.IsNull).GroupBy(v => v.At).OrderBy(g => g.Key))
        {
            var numbers = sameTime.Where(v => v.Metric.Name != StateMetric).ToList();
            if (numbers.Count > 0)
            {
                // A text reading goes as a text: the pipeline refuses it as not a number, with the reason. A metric is its
                // tag's (by the tag's Sparkplug metric name, then by its name); one that is neither keeps its name and is refused as unknown.
                var readings = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var v in numbers)
                    readings[equipment.TagOfMetric(v.Metric.Name) ?? v.Metric.Name] = v.Number is { } n ? n : v.Text!;
                yield return new DeviceMessage(at + "/telemetry", JsonSerializer.SerializeToUtf8Bytes(new { ts = Ts(sameTime.Key), values = readings }));
            }
            foreach (var state in sameTime.Where(v => v.Metric.Name == StateMetric && v.Text is not null))
                yield return new DeviceMessage(at + "/state", JsonSerializer.SerializeToUtf8Bytes(new { ts = Ts(sameTime.Key), state = state.Text }));
        }
    }

    public const string BackOnlineReason = "Back online: born again after its death";

    /// <summary>
    /// A device born again after a death took its equipment Offline comes back as Idle at its birth;
    /// a state its birth reports follows at the same time. The contract lets equipment leave Offline
    /// only to Idle, Down or Maintenance, so that a return is always visible as such.
    /// </summary>
    public static DeviceMessage BackOnline(string topicRoot, PlantDirectory.Entry equipment, DateTimeOffset at) =>
        new(DeviceTopic.BaseOf(topicRoot, equipment.Site, equipment.Area, equipment.Line, equipment.Code) + "/state",
            JsonSerializer.SerializeToUtf8Bytes(new { ts = Ts(at), state = "Idle", reason = BackOnlineReason }));

    public static DeviceMessage Offline(string topicRoot, PlantDirectory.Entry equipment, DateTimeOffset at) =>
        new(DeviceTopic.BaseOf(topicRoot, equipment.Site, equipment.Area, equipment.Line, equipment.Code) + "/state",
            JsonSerializer.SerializeToUtf8Bytes(new { ts = Ts(at), state = "Offline" }));

    private static string Ts(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
