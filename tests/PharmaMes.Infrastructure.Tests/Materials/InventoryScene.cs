using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Testing;

namespace PharmaMes.Infrastructure.Tests.Materials;

/// <summary>
/// One material of its own on the demo plant, INV-T (kg, reorder point 100, safety stock 20):
/// a released lot of 300 kg, a quarantined lot of 50 kg and a rejected lot of 20 kg, and a released
/// order of 2,000 pcs of FG-INV-T, whose recipe needs 40 kg of INV-T per 1,000 pcs.
/// </summary>
internal static class InventoryScene
{
    public const string Material = "INV-T";
    public const string Product = "FG-INV-T";

    public static async Task<string> CreateAsync(MesTestHost host)
    {
        var planner = await ShopFloorSetup.PersonAsync(host.Services, "planner");
        await using (var db = host.NewContext(planner))
        {
            var now = DateTimeOffset.UtcNow;
            var material = new Material(new MaterialCode(Material), "Inventory test excipient", MaterialType.Excipient, new UnitOfMeasure("kg"), 100, 20);
            db.Materials.Add(material);
            var expiry = DateOnly.FromDateTime(now.UtcDateTime).AddYears(1);
            void Lot(string number, decimal quantity, Action<MaterialLot> status)
            {
                var lot = MaterialLot.Receive(new LotNumber(number), material, expiry, now);
                status(lot);
                db.MaterialLots.Add(lot);
                db.InventoryLedger.Add(InventoryLedgerEntry.Receipt(lot, material.QuantityOf(quantity), now, "planner"));
            }
            Lot("INV-R1", 300, l => l.Release(now));
            Lot("INV-Q1", 50, _ => { });
            Lot("INV-X1", 20, l => l.Reject("Failed identity test", now));
            await db.SaveChangesAsync();
        }
        await ShopFloorSetup.EnsureApprovedRecipeAsync(host.Services, Product, "Inventory test tablets", 1_000m, recipe =>
        {
            recipe.AddStep("Dispensing", "Weigh.", EquipmentClass.DispensingBooth);
            recipe.AddMaterial(new MaterialCode(Material), new Quantity(40m, "kg"), 1m, 1m, 1);
        });
        return await ShopFloorSetup.NewBatchAsync(host.Services, Product, 2_000m);
    }

    /// <summary>Issues from INV-R1 to the batch straight on the ledger, as dispensing does.</summary>
    public static async Task IssueAsync(MesTestHost host, string batch, decimal kg, DateTimeOffset at)
    {
        await using var db = host.NewContext(AuditActor.System("test"));
        var lot = await db.MaterialLots.SingleAsync(l => l.Number == new LotNumber("INV-R1"));
        var material = await db.Materials.SingleAsync(m => m.Id == lot.MaterialId);
        var onHand = await db.LotBalances.Where(b => b.LotId == lot.Id).Select(b => b.OnHand).SingleAsync();
        db.InventoryLedger.Add(InventoryLedgerEntry.IssueToBatch(lot, material.QuantityOf(kg), material.QuantityOf(onHand), batch, at, "operator"));
        await db.SaveChangesAsync();
    }
}
