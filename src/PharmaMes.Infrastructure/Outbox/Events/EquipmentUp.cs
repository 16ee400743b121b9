namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>Equipment left the Down state (SAP PM: breakdown end), with how long it was down.</summary>
public sealed record EquipmentUp(
    string Equipment, string EquipmentName, string State, string? Reason, DateTimeOffset DownSince, DateTimeOffset UpAt, double DowntimeMinutes);
