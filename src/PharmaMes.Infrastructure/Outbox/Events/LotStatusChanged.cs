namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>A lot's quality status changed (released, rejected, expired, back to quarantine); PreviousStatus is null for a new lot.</summary>
public sealed record LotStatusChanged(
    string Lot, string Material, string? PreviousStatus, string Status, string? Reason, DateOnly ExpiryDate, DateTimeOffset ChangedAt);
