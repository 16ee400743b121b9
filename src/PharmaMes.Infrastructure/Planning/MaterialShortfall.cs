namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// A material the schedule in force runs short of: from when (the start of the first operation that needs more than
/// the stock there by then), by how much at most, and the orders whose operations then lack it.
/// </summary>
public sealed record MaterialShortfall(string Material, string Unit, decimal Released, DateTimeOffset RunsShortAt, decimal ShortBy,
    IReadOnlyList<string> Orders);
