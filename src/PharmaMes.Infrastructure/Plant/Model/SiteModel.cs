using System.Text.Json.Serialization;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <param name="Origin">Where the node was read from (an XML element path, a CSV line), to name it in errors; null for JSON.</param>
public sealed record SiteModel(string Code, string Name, IReadOnlyList<AreaModel> Areas, [property: JsonIgnore] string? Origin = null);
