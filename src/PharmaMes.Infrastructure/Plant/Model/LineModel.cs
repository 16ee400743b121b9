using System.Text.Json.Serialization;

namespace PharmaMes.Infrastructure.Plant.Model;

public sealed record LineModel(string Code, string Name, IReadOnlyList<EquipmentModel> Equipment, [property: JsonIgnore] string? Origin = null);
