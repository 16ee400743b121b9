using System.Text.Json.Serialization;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <param name="Retired">Only reported: retiring takes a reason of its own, on the plant page.</param>
/// <param name="SparkplugAddress">
/// Where the equipment's Sparkplug device publishes when it is not site/line/equipment code. Left out (null), the
/// equipment keeps what it has; given with all three ids empty, it goes back to the default rule.
/// </param>
public sealed record EquipmentModel(string Code, string Name, EquipmentClass Class, IReadOnlyList<TagModel> Tags,
    EquipmentSettings? Settings = null, bool Retired = false, [property: JsonIgnore] string? Origin = null,
    SparkplugAddressModel? SparkplugAddress = null);
