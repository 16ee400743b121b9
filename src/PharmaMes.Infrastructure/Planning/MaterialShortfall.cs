namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// A material the schedule in force runs short of: from when (the start of the first operation that needs more than
/// the usable released stock still holds), by how much in all, and the orders whose operations then lack it.
/// </summary>
public sealed record MaterialShortfall(string Material, string Unit, decimal Released, DateTimeOffset RunsShortAt, decimal ShortBy,
    IReadOnlyList<string> Orders);
