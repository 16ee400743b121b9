using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// Goods receipts: the lot (in Quarantine until QA tests it) and its receipt on the ledger are saved
/// together or not at all. A second receipt under a lot number is refused, not merged: it is a mistake
/// the sender must see.
/// </summary>
public sealed class LotReceiving(IDbContextFactory<MesDbContext> contexts, InventoryQueries inventory, TimeProvider clock)
{
    public async Task<LotReceiptResult> ReceiveAsync(LotReceipt receipt, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var number = new LotNumber(receipt.LotNumber);
        var code = new MaterialCode(receipt.Material);
        if (await inventory.GetLotAsync(number.Value, cancellationToken) is { } taken)
            return new(true, taken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
            var material = await db.Materials.SingleOrDefaultAsync(m => m.Code == code, cancellationToken)
                ?? throw new DomainException($"There is no material {code}.");
            if (!string.Equals(material.Unit.Symbol, receipt.Unit.Trim(), StringComparison.Ordinal))
                throw new DomainException($"{code} is counted in {material.Unit}, not {receipt.Unit.Trim()}: send the receipt in {material.Unit}.");
            var now = clock.GetUtcNow();
            var lot = MaterialLot.Receive(number, material, receipt.ExpiryDate, now, receipt.SupplierLot);
            db.MaterialLots.Add(lot);
            db.InventoryLedger.Add(InventoryLedgerEntry.Receipt(lot, material.QuantityOf(receipt.Quantity), now, actor.Name));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent receipt took the number first; anything else is a real fault.
            if (await inventory.GetLotAsync(number.Value, cancellationToken) is { } raced)
                return new(true, raced);
            throw;
        }
        return new(false, (await inventory.GetLotAsync(number.Value, cancellationToken))!);
    }
}
