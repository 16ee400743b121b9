using PharmaMes.Domain.Audit;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>How one audited entity type is written to the trail.</summary>
internal sealed record AuditedEntity(
    string Name,
    Func<object, string?> Label,
    IReadOnlySet<string> Ignored,
    IReadOnlySet<string> Secret,
    bool MayBeRemoved = false,
    AuditAction CreatedAction = AuditAction.Created);
