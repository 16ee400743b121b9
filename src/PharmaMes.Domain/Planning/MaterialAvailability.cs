namespace PharmaMes.Domain.Planning;

/// <summary>
/// When each order's materials are there. Orders are served in the order given (the one that runs or is due first
/// first); each takes what it needs of every material from the earliest supply left. An order the supply left cannot
/// cover in full takes nothing, so that the stock serves the orders it can, and waits a procurement lead time for
/// the missing quantity; an order covered only by lots still in Quarantine waits for their expected release.
/// </summary>
public static class MaterialAvailability
{
    public static IReadOnlyList<MaterialWait> Allocate(IEnumerable<MaterialNeed> needs, IEnumerable<MaterialSupply> supplies, DateTimeOffset now,
        TimeSpan leadTime)
    {
        var left = supplies.Where(s => s.Quantity > 0).GroupBy(s => s.Material, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.From).Select(s => new Lot(s.From, s.Quantity)).ToList(), StringComparer.Ordinal);
        var waits = new List<MaterialWait>();
        foreach (var need in needs)
        {
            var wanted = need.Quantities.Where(q => q.Value > 0).ToList();
            var missing = wanted
                .Select(q => (Material: q.Key, Missing: q.Value - (left.TryGetValue(q.Key, out var lots) ? lots.Sum(l => l.Quantity) : 0m)))
                .Where(m => m.Missing > 0).ToList();
            if (missing.Count > 0)
            {
                waits.AddRange(missing.Select(m => new MaterialWait(need.OrderNumber, m.Material, m.Missing, now + leadTime)));
                continue;
            }
            foreach (var (material, quantity) in wanted)
            {
                var ready = Take(left[material], quantity);
                if (ready > now)
                    waits.Add(new MaterialWait(need.OrderNumber, material, 0m, ready));
            }
        }
        return waits;
    }

    /// <summary>Takes the quantity from the earliest lots; returns when the last of it is usable.</summary>
    private static DateTimeOffset Take(List<Lot> lots, decimal quantity)
    {
        var ready = DateTimeOffset.MinValue;
        while (quantity > 0)
        {
            var lot = lots[0];
            var taken = Math.Min(lot.Quantity, quantity);
            quantity -= taken;
            lot.Quantity -= taken;
            ready = lot.From > ready ? lot.From : ready;
            if (lot.Quantity == 0)
                lots.RemoveAt(0);
        }
        return ready;
    }

    private sealed class Lot(DateTimeOffset from, decimal quantity)
    {
        public DateTimeOffset From { get; } = from;
        public decimal Quantity { get; set; } = quantity;
    }
}
