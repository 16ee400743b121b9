using PharmaMes.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>Issues, lists, revokes and checks API keys of machine clients.</summary>
public sealed class ApiKeyService(IDbContextFactory<MesDbContext> contexts, CredentialRevocations revocations, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return keys
            .OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)
            .Select(ApiKeySummary.From)
            .ToList();
    }

    /// <summary>Creates a key and returns it in clear text: the only time anyone sees it.</summary>
    public Task<IssuedApiKey> IssueAsync(string name, string issuedBy, string? clientAddress = null, CancellationToken cancellationToken = default) =>
        StoreAsync(name, ApiKeyHash.NewKey(), issuedBy, cancellationToken, clientAddress);

    /// <summary>Stores a key chosen in configuration (the demo key), unless it is already stored.</summary>
    public async Task EnsureAsync(string name, string key, string issuedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = ApiKeyHash.Of(key);
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken))
            return;
        await StoreAsync(name, key, issuedBy, cancellationToken);
    }

    public async Task RevokeAsync(Guid id, string revokedBy, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(new AuditActor(null, revokedBy, "API key revoked").From(clientAddress), cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new DomainException("That API key does not exist.");
        if (key.RevokedAt is not null)
            throw new DomainException($"The API key '{key.Name}' was already revoked.");
        key.RevokedAt = clock.GetUtcNow();
        key.RevokedBy = revokedBy;
        await db.SaveChangesAsync(cancellationToken);
        // Its open hub connections close now, not when they next reconnect.
        revocations.Publish(new RevokedCredential(RevokedCredentialKind.ApiKey, key.Id));
    }

    /// <summary>The active key matching what a client presented, or null.</summary>
    public async Task<ApiKeySummary?> FindActiveAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(presentedKey) || presentedKey.Length > 200)
            return null;
        var hash = ApiKeyHash.Of(presentedKey.Trim());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        return key is null ? null : ApiKeySummary.From(key);
    }

    private async Task<IssuedApiKey> StoreAsync(string name, string key, string issuedBy, CancellationToken cancellationToken, string? clientAddress = null)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("Give the API key a name that says who uses it, e.g. \"SAP production\".");
        if (name.Trim().Length > ApiKey.NameMaxLength)
            throw new DomainException($"An API key name must be at most {ApiKey.NameMaxLength} characters.");
        if (key.Length < 32)
            throw new DomainException("An API key must be at least 32 characters long.");
        var apiKey = new ApiKey
        {
            Id = Ids.New(),
            Name = name.Trim(),
            Prefix = key[..ApiKey.PrefixLength],
            Hash = ApiKeyHash.Of(key),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = issuedBy,
        };
        await using var db = await contexts.CreateDbContextAsync(new AuditActor(null, issuedBy, "API key issued").From(clientAddress), cancellationToken);
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(ApiKeySummary.From(apiKey), key);
    }
}
