namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>A deviation was opened (SAP QM: quality notification created).</summary>
public sealed record QualityExceptionRaised(
    string Number, string? BatchNumber, int? StepNumber, string Severity, string Source, string Title, string Description,
    DateTimeOffset RaisedAt, string RaisedBy);
