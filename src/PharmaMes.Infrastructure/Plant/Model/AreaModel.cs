using System.Text.Json.Serialization;

namespace PharmaMes.Infrastructure.Plant.Model;

public sealed record AreaModel(string Code, string Name, IReadOnlyList<LineModel> Lines, [property: JsonIgnore] string? Origin = null);
