using System.Text.Json.Serialization;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <param name="Retired">Only reported: retiring takes a reason of its own, on the plant page.</param>
public sealed record EquipmentModel(string Code, string Name, EquipmentClass Class, IReadOnlyList<TagModel> Tags,
    EquipmentSettings? Settings = null, bool Retired = false, [property: JsonIgnore] string? Origin = null);
