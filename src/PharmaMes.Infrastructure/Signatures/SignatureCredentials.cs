namespace PharmaMes.Infrastructure.Signatures;

/// <summary>The two components a signer re-enters at every signing (21 CFR 11.200(a)(1)).</summary>
public sealed record SignatureCredentials(string? UserName, string? Password);
