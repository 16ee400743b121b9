namespace PharmaMes.Infrastructure.Identity;

/// <summary>A key just issued, with its clear text that is shown once and never stored.</summary>
public sealed record IssuedApiKey(ApiKeySummary Summary, string Key);
