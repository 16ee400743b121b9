using System.Text.Json;
using System.Text.Json.Serialization;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>The JSON of outbound events: camelCase names, enums as words, ISO-8601 times.</summary>
public static class ErpJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"An outbox payload did not hold a {typeof(T).Name}.");
}
