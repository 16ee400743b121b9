using System.Text.Json.Serialization;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <param name="SparkplugMetric">The Sparkplug metric the tag reads when it is not the tag's name; null or empty for the tag's name.</param>
public sealed record TagModel(string Name, string Description, string Unit, double NormalLow, double NormalHigh, double AlarmLow, double AlarmHigh,
    TagRole Role = TagRole.None, [property: JsonIgnore] string? Origin = null, string? SparkplugMetric = null);
