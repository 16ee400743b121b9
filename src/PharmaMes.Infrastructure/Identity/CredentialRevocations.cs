namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// Tells the parts that hold long-lived connections (the plant hub's websockets) that a session,
/// a user or an API key lost its access, so they close those connections now rather than at
/// their next check.
/// </summary>
public sealed class CredentialRevocations
{
    public event Action<RevokedCredential>? Revoked;

    public void Publish(RevokedCredential credential) => Revoked?.Invoke(credential);
}
