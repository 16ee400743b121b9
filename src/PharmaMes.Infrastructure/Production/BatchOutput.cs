using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// The finished-goods lot of a batch: numbered like the batch, booked when the batch completes with what it
/// actually made, in Quarantine until QA's decision, good for the product's shelf life. Its goods receipt
/// (101) reaches the ERP then, with the actual quantity; QA's release or rejection changes only its status.
/// </summary>
internal static class BatchOutput
{
    /// <summary>How long a produced lot is good for when the material master gives no shelf life.</summary>
    public const int DefaultShelfLifeMonths = 36;

    public static async Task<MaterialLot> BookAsync(MesDbContext db, Batch batch, Quantity made, AuditActor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var material = await db.Materials.SingleOrDefaultAsync(m => m.Code == batch.ProductCode, cancellationToken)
            ?? throw new DomainException($"The product {batch.ProductCode} is not in the material master: its lot cannot be booked.");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var expiry = material.ShelfLifeDays is { } days ? today.AddDays(days) : today.AddMonths(DefaultShelfLifeMonths);
        var lot = MaterialLot.Produce(new LotNumber(batch.Number.Value), material, expiry, now);
        db.MaterialLots.Add(lot);
        db.InventoryLedger.Add(InventoryLedgerEntry.OutputFromBatch(lot, made, batch.Number.Value, now, actor.Name));
        return lot;
    }

    /// <summary>The lot the batch booked at completion; null for a batch completed before lots were booked then.</summary>
    public static Task<MaterialLot?> FindAsync(MesDbContext db, Batch batch, CancellationToken cancellationToken)
    {
        var number = new LotNumber(batch.Number.Value);
        return db.MaterialLots.SingleOrDefaultAsync(l => l.Number == number, cancellationToken);
    }
}
