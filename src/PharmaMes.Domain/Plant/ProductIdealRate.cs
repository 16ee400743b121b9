namespace PharmaMes.Domain.Plant;

/// <summary>
/// The ideal rate of an equipment while it makes one product (a press makes small tablets faster than large ones):
/// OEE's performance is measured against it while a batch of the product runs on the equipment.
/// </summary>
/// <param name="Product">The product's material code, upper-case.</param>
public sealed record ProductIdealRate(string Product, double UnitsPerMinute);
