using System.Text.Json.Serialization;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

public sealed record TagModel(string Name, string Description, string Unit, double NormalLow, double NormalHigh, double AlarmLow, double AlarmHigh,
    TagRole Role = TagRole.None, [property: JsonIgnore] string? Origin = null);
