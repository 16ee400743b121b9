using PharmaMes.Domain.Common;

namespace PharmaMes.Infrastructure.Signatures;

/// <summary>A signing attempt that did not produce a signature; the message says why, for the signer.</summary>
public sealed class SignatureRefusedException(string message) : DomainException(message);
