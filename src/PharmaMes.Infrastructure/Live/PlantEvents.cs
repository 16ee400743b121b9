using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Live;

// The events the live plant pushes to screens and to the SignalR hub. Names and shapes are part
// of the hub contract (docs/signalr-hub.md).

public sealed record EquipmentStateChanged(string EquipmentCode, string LineCode, EquipmentState State, DateTimeOffset Since, string? Reason);

public sealed record TelemetryUpdated(string EquipmentCode, string LineCode, DateTimeOffset At, IReadOnlyDictionary<string, double> Values);

public sealed record AlertRaised(Guid Id, AlertKind Kind, string Source, string Message, DateTimeOffset RaisedAt);
