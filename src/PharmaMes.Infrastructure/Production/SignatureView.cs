using PharmaMes.Domain.Signatures;

namespace PharmaMes.Infrastructure.Production;

/// <summary>A signature as shown: its manifestation, what it signs, and whether that content is still what was signed.</summary>
public sealed record SignatureView(ElectronicSignature Signature, string Subject, bool IsValid)
{
    public string Manifestation => Signature.Manifestation;
}
