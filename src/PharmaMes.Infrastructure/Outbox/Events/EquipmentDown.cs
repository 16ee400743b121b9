namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>Equipment went Down (SAP PM: breakdown start).</summary>
public sealed record EquipmentDown(string Equipment, string EquipmentName, string? Reason, DateTimeOffset Since);
