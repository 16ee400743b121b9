namespace PharmaMes.Domain.Audit;

/// <summary>What is to be written to the audit trail, before it takes its place in the chain.</summary>
public sealed record AuditRecord(
    DateTimeOffset At,
    Guid? UserId,
    string UserName,
    AuditAction Action,
    string EntityType,
    string EntityId,
    string? EntityLabel = null,
    string? Field = null,
    string? OldValue = null,
    string? NewValue = null,
    string? Reason = null);
