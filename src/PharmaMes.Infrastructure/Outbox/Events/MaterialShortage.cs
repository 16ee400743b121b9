namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>
/// A material the schedule in force needs more of than the plant will have: how much is missing at most, from when it
/// is needed, and the orders that lack it; procurement orders it (the cause says what made it short).
/// </summary>
public sealed record MaterialShortage(
    string Material,
    string Unit,
    decimal Released,
    decimal ShortBy,
    DateTimeOffset NeededBy,
    IReadOnlyList<string> Orders,
    string Cause,
    Guid ImpactId);
