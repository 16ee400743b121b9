using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Signatures;

/// <summary>
/// An electronic signature (21 CFR 11.50, 11.70): who signed (printed name as it was at signing),
/// when (server UTC), what it means, and a hash of the content it signs. Never changed or deleted.
/// </summary>
public class ElectronicSignature
{
    public const int SubjectTypeMaxLength = 60;
    public const int NameMaxLength = 200;
    public const int CommentMaxLength = 1000;
    public const int HashLength = 64;

    public Guid Id { get; private set; }
    public Guid SignerId { get; private set; }
    public string SignerUserName { get; private set; } = "";
    /// <summary>The signer's full name at the moment of signing: a later rename does not change it.</summary>
    public string PrintedName { get; private set; } = "";
    public SignatureMeaning Meaning { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
    /// <summary>The kind of record signed (for example "MasterRecipe", "BatchStep").</summary>
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string ContentHash { get; private set; } = "";
    public string? Comment { get; private set; }

    protected ElectronicSignature() { }

    public ElectronicSignature(Guid signerId, string signerUserName, string printedName, SignatureMeaning meaning, DateTimeOffset signedAt,
        string subjectType, Guid subjectId, SignedContent content, string? comment = null)
    {
        Id = Ids.New();
        SignerId = signerId;
        SignerUserName = Guard.Text(signerUserName, "The signer's user name", NameMaxLength);
        PrintedName = Guard.Text(printedName, "The signer's printed name", NameMaxLength);
        Meaning = meaning;
        SignedAt = signedAt.ToUniversalTime();
        SubjectType = Guard.Text(subjectType, "The signed record's type", SubjectTypeMaxLength);
        SubjectId = subjectId;
        ContentHash = content.Hash();
        Comment = Guard.OptionalText(comment, "A signing comment", CommentMaxLength);
    }

    /// <summary>The manifestation required wherever the record is shown or printed (21 CFR 11.50).</summary>
    public string Manifestation => $"{PrintedName} — {Meaning} — {SignedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";

    /// <summary>True while the record still has exactly the content that was signed.</summary>
    public bool IsValidFor(SignedContent current) => string.Equals(ContentHash, current.Hash(), StringComparison.Ordinal);
}
