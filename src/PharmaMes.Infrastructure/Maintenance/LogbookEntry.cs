namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>
/// One entry of an equipment's logbook: when, what, who, and the signatures given, each shown with
/// its manifestation (printed name, meaning, UTC time) and whether the record still matches it.
/// </summary>
public sealed record LogbookEntry(
    DateTimeOffset At,
    LogbookEntryKind Kind,
    string Title,
    string? Detail,
    string? By,
    DateTimeOffset? EndedAt = null,
    string? BatchNumber = null,
    string? ProductCode = null,
    IReadOnlyList<LogbookSignature>? Signatures = null);

public sealed record LogbookSignature(string Manifestation, bool IsValid);
