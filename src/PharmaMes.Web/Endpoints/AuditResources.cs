using PharmaMes.Domain.Audit;

namespace PharmaMes.Web.Endpoints;

/// <summary>One audit entry as the REST API shows it; <c>record</c> is the human code of the record when it has one.</summary>
public sealed record AuditEntryResource(
    long Sequence,
    DateTimeOffset At,
    string User,
    Guid? UserId,
    AuditAction Action,
    string EntityType,
    string EntityId,
    string? Record,
    string? Field,
    string? OldValue,
    string? NewValue,
    string? Reason,
    string Hash)
{
    public static AuditEntryResource Of(AuditEntry e) =>
        new(e.Sequence, e.At, e.UserName, e.UserId, e.Action, e.EntityType, e.EntityId, e.EntityLabel, e.Field, e.OldValue, e.NewValue, e.Reason, e.Hash);
}

/// <summary>One page of the trail, newest first, and how many entries match in all.</summary>
public sealed record AuditPageResource(IReadOnlyList<AuditEntryResource> Entries, int Total, int Page, int PageSize, int Pages);
