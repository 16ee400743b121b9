using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>A device message that passed the contract's syntax checks (equipment and tags are checked later).</summary>
public abstract record DevicePayload(DateTimeOffset At);

/// <summary><c>{"ts":..., "values":{"tag":number,...}}</c></summary>
public sealed record TelemetryPayload(DateTimeOffset At, IReadOnlyList<KeyValuePair<string, double>> Values) : DevicePayload(At);

/// <summary><c>{"ts":..., "state":"Running", "reason":null}</c>, and on leaving Cleaning optionally <c>"cleaning":{...}</c>.</summary>
public sealed record StatePayload(DateTimeOffset At, EquipmentState State, string? Reason, DeviceCleaningReport? Cleaning = null) : DevicePayload(At);

/// <summary>
/// What a unit reports about the clean-in-place (or steam-in-place) cycle it just ended:
/// <c>{"program":"CIP-2","agent":"1 % NaOH, WFI rinse","startedAt":"...","result":"Passed"}</c>.
/// </summary>
public sealed record DeviceCleaningReport(string? Program, string? Agent, DateTimeOffset? StartedAt, bool Passed);

/// <summary><c>{"ts":..., "good":12045, "reject":17}</c>: cumulative counters.</summary>
public sealed record CountsPayload(DateTimeOffset At, long Good, long Reject) : DevicePayload(At);
