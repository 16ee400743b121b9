using System.Security.Cryptography;
using System.Text;

namespace PharmaMes.Domain.Audit;

/// <summary>
/// A secret kept outside the database that audit entries and checkpoints are signed with
/// (HMAC-SHA256). Without it, nobody who can only reach the database can recompute the chain
/// after an edit. Its id is derived from the secret, so an entry names the key that signed it
/// and a key ring can hold old keys after a rotation.
/// </summary>
public sealed class AuditChainKey
{
    public const int MinimumLength = 32;
    public const int IdLength = 16;

    private readonly byte[] _secret;

    public AuditChainKey(byte[] secret)
    {
        if (secret.Length < MinimumLength)
            throw new ArgumentException($"An audit chain key has at least {MinimumLength} bytes; this one has {secret.Length}.", nameof(secret));
        _secret = [.. secret];
        // A fingerprint, not the key: a hash of the secret with a fixed prefix, cut to 8 bytes.
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "PharmaMes audit chain key id:"u8, .. secret]))[..IdLength];
    }

    public string Id { get; }

    /// <summary>HMAC-SHA256 of the text (UTF-8) under this key, as 64 lower-case hex digits.</summary>
    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));

    public static AuditChainKey CreateRandom() => new(RandomNumberGenerator.GetBytes(MinimumLength));
}
