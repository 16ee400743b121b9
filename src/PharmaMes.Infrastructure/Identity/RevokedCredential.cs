namespace PharmaMes.Infrastructure.Identity;

/// <summary>What lost its access: one session, every session of a user, or an API key.</summary>
public sealed record RevokedCredential(RevokedCredentialKind Kind, Guid Id);

public enum RevokedCredentialKind
{
    Session,
    User,
    ApiKey,
}
