namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>QA closed a deviation with a signature (SAP QM: quality notification completed).</summary>
public sealed record QualityExceptionClosed(
    string Number, string? BatchNumber, string Severity, string Title, string? Closure, DateTimeOffset ClosedAt, string? ClosedBy);
