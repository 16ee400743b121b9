using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Materials;

/// <summary>Stock levels derived from the ledger, never stored.</summary>
public static class StockOnHand
{
    public static Quantity OfLot(IEnumerable<InventoryLedgerEntry> entries, UnitOfMeasure unit)
    {
        var total = 0m;
        foreach (var entry in entries)
        {
            if (entry.Unit != unit)
                throw new DomainException($"A ledger entry in {entry.Unit} cannot be counted in {unit}.");
            total += entry.Change;
        }
        return new Quantity(total, unit);
    }
}
