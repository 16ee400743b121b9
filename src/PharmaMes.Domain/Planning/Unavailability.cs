namespace PharmaMes.Domain.Planning;

/// <summary>A time an equipment cannot run an operation: Down, planned maintenance or calibration, a break, no shift.</summary>
public sealed record Unavailability(string Equipment, DateTimeOffset Start, DateTimeOffset End, string Reason);
