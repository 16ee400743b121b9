using PharmaMes.Domain.Alerts;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>The retained MQTT message of an active alert (<c>{root}/{site}/_mes/alerts/{id}</c>); the topic is emptied when it clears.</summary>
public sealed record AlertState(Guid Id, AlertKind Kind, string Source, string Message, DateTimeOffset RaisedAt);
