using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>Stock of one material and the history of one lot, derived from the inventory ledger.</summary>
public sealed class InventoryQueries(IDbContextFactory<MesDbContext> contexts, MaterialStockService stock)
{
    /// <summary>The material with its lots, or null when there is no material with that code.</summary>
    public async Task<MaterialInventory?> GetMaterialAsync(string code, CancellationToken cancellationToken = default)
    {
        if (MaterialCode.TryParse(code) is not { } parsed)
            return null;
        var levels = (await stock.ListAsync(cancellationToken)).SingleOrDefault(s => s.Code == parsed.Value);
        if (levels is null)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lots = await (from lot in db.MaterialLots.AsNoTracking()
                          join material in db.Materials on lot.MaterialId equals material.Id
                          where material.Code == parsed
                          select lot).ToListAsync(cancellationToken);
        var ids = lots.Select(l => l.Id).ToList();
        var onHand = await db.InventoryLedger.AsNoTracking().Where(e => ids.Contains(e.LotId))
            .GroupBy(e => e.LotId).Select(g => new { LotId = g.Key, OnHand = g.Sum(e => e.Change) })
            .ToDictionaryAsync(x => x.LotId, x => x.OnHand, cancellationToken);
        return new MaterialInventory(levels, lots
            .OrderBy(l => l.ExpiryDate).ThenBy(l => l.Number.Value, StringComparer.Ordinal)
            .Select(l => new LotOnHand(l.Number.Value, l.Status, l.ExpiryDate, onHand.GetValueOrDefault(l.Id)))
            .ToList());
    }

    /// <summary>The lot with its movements, or null when there is no lot with that number.</summary>
    public async Task<LotDetails?> GetLotAsync(string number, CancellationToken cancellationToken = default)
    {
        if (LotNumber.TryParse(number) is not { } parsed)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lot = await db.MaterialLots.AsNoTracking().SingleOrDefaultAsync(l => l.Number == parsed, cancellationToken);
        if (lot is null)
            return null;
        var material = await db.Materials.AsNoTracking().SingleAsync(m => m.Id == lot.MaterialId, cancellationToken);
        var entries = await db.InventoryLedger.AsNoTracking().Where(e => e.LotId == lot.Id).ToListAsync(cancellationToken);
        return new LotDetails(lot.Number.Value, material.Code.Value, material.Name, lot.Status, lot.ExpiryDate, lot.SupplierLot, lot.CreatedAt,
            StockOnHand.OfLot(entries, material.Unit).Amount, material.Unit.Symbol,
            entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                .Select(e => new LotMovement(e.Movement, e.Change, e.Unit.Symbol, e.OccurredAt, e.Reference, e.Reason, e.RecordedBy))
                .ToList());
    }
}
