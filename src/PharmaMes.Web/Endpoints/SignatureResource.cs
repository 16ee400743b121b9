using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// An electronic signature with its manifestation: printed name, meaning and UTC time, what it
/// signs, and whether that content is still exactly what was signed.
/// </summary>
public sealed record SignatureResource(
    Guid Id,
    string PrintedName,
    SignatureMeaning Meaning,
    DateTimeOffset SignedAt,
    string Subject,
    bool Valid,
    string Manifestation,
    string? Comment)
{
    public static SignatureResource Of(SignatureView view) =>
        new(view.Signature.Id, view.Signature.PrintedName, view.Signature.Meaning, view.Signature.SignedAt, view.Subject, view.IsValid,
            view.Manifestation, view.Signature.Comment);
}
