using PharmaMes.Domain.Signatures;

namespace PharmaMes.Infrastructure.Signatures;

/// <summary>What is about to be signed: the record, its canonical content, and the meaning of the signature.</summary>
public sealed record SignatureRequest(SignatureMeaning Meaning, string SubjectType, Guid SubjectId, SignedContent Content, string? Comment = null);
