using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>Stock on hand per material and lot status, derived from the inventory ledger.</summary>
public sealed class MaterialStockService(IDbContextFactory<MesDbContext> contexts)
{
    public async Task<IReadOnlyList<MaterialStock>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var materials = await db.Materials.AsNoTracking().ToListAsync(cancellationToken);
        var lots = await db.MaterialLots.AsNoTracking()
            .Select(l => new { l.Id, l.MaterialId, l.Status })
            .ToListAsync(cancellationToken);
        var onHandByLot = await db.InventoryLedger.AsNoTracking()
            .GroupBy(e => e.LotId)
            .Select(g => new { LotId = g.Key, OnHand = g.Sum(e => e.Change) })
            .ToDictionaryAsync(x => x.LotId, x => x.OnHand, cancellationToken);

        var lotsByMaterial = lots.ToLookup(l => l.MaterialId);
        return materials
            .OrderBy(m => m.Type).ThenBy(m => m.Code.Value)
            .Select(m => new MaterialStock(m.Code.Value, m.Name, m.Type, m.Unit.Symbol, m.ReorderPoint, m.SafetyStock,
                MaterialStock.StatusOrder.Select(status =>
                {
                    // A lot used up to nothing is no longer "on hand".
                    var onHand = lotsByMaterial[m.Id]
                        .Where(l => l.Status == status)
                        .Select(l => onHandByLot.GetValueOrDefault(l.Id))
                        .Where(quantity => quantity > 0)
                        .ToList();
                    return new LotStatusStock(status, onHand.Count, onHand.Sum());
                }).ToList()))
            .ToList();
    }
}
