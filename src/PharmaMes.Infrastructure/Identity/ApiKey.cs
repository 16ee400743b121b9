namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// A key a machine client (the ERP, a supply-chain platform) sends in <c>X-Api-Key</c>.
/// Only its SHA-256 hash is stored; the key itself is shown once, when issued.
/// A revoked key stays on record: who had access when is part of the audit story.
/// </summary>
public class ApiKey
{
    public const int NameMaxLength = 80;
    public const int PrefixLength = 8;

    public Guid Id { get; set; }
    /// <summary>What the key is for, e.g. "SAP S/4 production".</summary>
    public string Name { get; set; } = "";
    /// <summary>The first characters of the key, so people can tell keys apart without seeing them.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsActive => RevokedAt is null;
}
