namespace PharmaMes.Domain.Performance;

/// <summary>
/// A time an equipment made one product (a batch step ran on it), with the ideal rate it is measured against meanwhile:
/// the product's own rate on that equipment, else the equipment's; null when neither is known.
/// </summary>
public sealed record ProductRun(string Product, DateTimeOffset Start, DateTimeOffset End, double? RatePerMinute);
