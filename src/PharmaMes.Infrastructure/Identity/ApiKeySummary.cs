namespace PharmaMes.Infrastructure.Identity;

/// <summary>What may be shown of a key: never the key or its hash.</summary>
public sealed record ApiKeySummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public bool IsActive => RevokedAt is null;

    internal static ApiKeySummary From(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.CreatedBy, key.RevokedAt, key.RevokedBy);
}
