using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Live;

// The events the live plant pushes to screens and to the SignalR hub. Names and shapes are part
// of the hub contract (docs/signalr-hub.md).

public sealed record EquipmentStateChanged(string EquipmentCode, string LineCode, EquipmentState State, DateTimeOffset Since, string? Reason);

public sealed record TelemetryUpdated(string EquipmentCode, string LineCode, DateTimeOffset At, IReadOnlyDictionary<string, double> Values);

public sealed record AlertRaised(Guid Id, AlertKind Kind, string Source, string Message, DateTimeOffset RaisedAt);

/// <summary>A person acknowledged an alert (ISA-18.2); <paramref name="State"/> is where it stands now.</summary>
public sealed record AlertAcknowledged(Guid Id, AlertKind Kind, string Source, AlarmState State, string AcknowledgedBy, string AcknowledgedByName,
    DateTimeOffset AcknowledgedAt, string? Comment);

/// <summary>An alert's condition ended (ISA-18.2 return to normal); unacknowledged, it stays on people's screens.</summary>
public sealed record AlertCleared(Guid Id, AlertKind Kind, string Source, AlarmState State, DateTimeOffset ClearedAt);

/// <summary>A batch started, moved a step, was held, completed, released or rejected: where it stands now.</summary>
public sealed record BatchStateChanged(string BatchNumber, string ProductCode, string State, string Disposition, int StepsDone, int Steps,
    int? CurrentStep, DateTimeOffset At);

/// <summary>A quality exception was raised, taken into investigation or closed.</summary>
public sealed record QualityExceptionChanged(string Number, string? BatchNumber, int? StepNumber, string Severity, string Status, string Title,
    DateTimeOffset At);
