using PharmaMes.Domain.Audit;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>What an auditor narrows the trail to; every part is optional.</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? User = null,
    string? EntityType = null,
    string? Record = null,
    AuditAction? Action = null);
