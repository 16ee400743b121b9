using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PharmaMes.Domain.Audit;

/// <summary>
/// The chain head at one moment (last sequence and its hash), signed with the chain key and
/// published outside the database. A later rewrite of any entry up to that sequence, or the
/// removal of entries from the end, no longer matches it, even if every hash was recomputed.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature)
{
    public static AuditCheckpoint Sign(long sequence, string hash, DateTimeOffset at, AuditChainKey key)
    {
        var unsigned = new AuditCheckpoint(sequence, hash, at.ToUniversalTime(), key.Id, "");
        return unsigned with { Signature = key.Sign(unsigned.SignedText()) };
    }

    /// <summary>True when the signature was made by this key over exactly these values.</summary>
    public bool IsSignedBy(AuditChainKey key) =>
        key.Id == KeyId && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Sign(SignedText())), Encoding.ASCII.GetBytes(Signature));

    private string SignedText() => string.Join('|', "checkpoint", Sequence.ToString(CultureInfo.InvariantCulture), Hash,
        At.UtcTicks.ToString(CultureInfo.InvariantCulture), KeyId);
}
