namespace PharmaMes.Domain.Planning;

/// <summary>
/// An order that cannot start before a material is there: with <see cref="Missing"/> &gt; 0 the stock cannot cover it
/// and it waits for a delivery; with 0 it waits for a lot in Quarantine to be released. The unit is the material's, for people.
/// </summary>
public sealed record MaterialWait(string OrderNumber, string Material, decimal Missing, DateTimeOffset Until, string Unit = "")
{
    public bool WaitsForDelivery => Missing > 0;
}
