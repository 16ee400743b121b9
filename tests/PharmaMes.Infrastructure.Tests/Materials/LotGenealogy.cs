using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Testing;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Materials;

public class LotGenealogy
{
    /// <summary>
    /// Paracetamol and cellulose go into a granulation batch that makes granulate lot G; G goes
    /// into a compression batch that makes tablet lot T. Raw lot → batch → intermediate lot → batch → finished lot.
    /// </summary>
    private static async Task<(string Granulation, string Compression)> ThreeLevelsAsync(MesTestHost host, string suffix)
    {
        await ShopFloorSetup.EnsureApprovedRecipeAsync(host.Services, "INT-GEN-T", "Paracetamol granulate", 100m, r => r.AddStep("Granulation", "Granulate.", null));
        await ShopFloorSetup.EnsureApprovedRecipeAsync(host.Services, "FG-GEN-T", "Paracetamol tablets", 10_000m, r => r.AddStep("Compression", "Compress.", null));
        var granulation = await ShopFloorSetup.NewBatchAsync(host.Services, "INT-GEN-T", 100m);
        var compression = await ShopFloorSetup.NewBatchAsync(host.Services, "FG-GEN-T", 10_000m);
        var operatorUser = await PersonAsync(host, "operator");

        await using var db = host.NewContext(operatorUser);
        var now = DateTimeOffset.UtcNow;
        async Task<(MaterialLot Lot, Material Material)> LotAsync(string number)
        {
            var lot = await db.MaterialLots.SingleAsync(l => l.Number == new LotNumber(number));
            return (lot, await db.Materials.SingleAsync(m => m.Id == lot.MaterialId));
        }
        var (para, paracetamol) = await LotAsync("PARA-24-0117");
        var (mcc, cellulose) = await LotAsync("MCC-24-3310");
        db.InventoryLedger.Add(InventoryLedgerEntry.IssueToBatch(para, paracetamol.QuantityOf(10m), paracetamol.QuantityOf(25m), granulation, now, "operator"));
        db.InventoryLedger.Add(InventoryLedgerEntry.IssueToBatch(mcc, cellulose.QuantityOf(30m), cellulose.QuantityOf(435m), granulation, now, "operator"));

        var granulate = await db.Materials.SingleAsync(m => m.Code == new MaterialCode("INT-GEN-T"));
        var granulateLot = MaterialLot.Produce(new LotNumber($"G-{suffix}"), granulate, DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), now);
        granulateLot.Release(now);
        db.MaterialLots.Add(granulateLot);
        db.InventoryLedger.Add(InventoryLedgerEntry.OutputFromBatch(granulateLot, granulate.QuantityOf(90m), granulation, now, "operator"));
        db.InventoryLedger.Add(InventoryLedgerEntry.IssueToBatch(granulateLot, granulate.QuantityOf(85m), granulate.QuantityOf(90m), compression, now.AddMinutes(1), "operator"));

        var tablets = await db.Materials.SingleAsync(m => m.Code == new MaterialCode("FG-GEN-T"));
        var tabletLot = MaterialLot.Produce(new LotNumber($"T-{suffix}"), tablets, DateOnly.FromDateTime(now.UtcDateTime).AddYears(2), now);
        db.MaterialLots.Add(tabletLot);
        db.InventoryLedger.Add(InventoryLedgerEntry.OutputFromBatch(tabletLot, tablets.QuantityOf(9_800m), compression, now.AddMinutes(2), "operator"));
        await db.SaveChangesAsync();
        return (granulation, compression);
    }

    [Fact]
    public async Task BackwardFromAFinishedLotReachesEveryRawLotThroughTheIntermediate()
    {
        await using var host = await MesTestHost.StartAsync();
        var (granulation, compression) = await ThreeLevelsAsync(host, "A");

        var tree = (await host.Get<LotGenealogyService>().GetAsync("T-A", GenealogyDirection.Backward))!;

        Assert.Equal((2, false), (tree.Levels, tree.Truncated));
        var made = Assert.Single(tree.Root.Batches);
        Assert.Equal((compression, "FG-GEN-T", 9_800m), (made.Batch, made.Product, made.Quantity));
        var granulate = Assert.Single(made.Lots);
        Assert.Equal(("G-A", 85m, LotStatus.Released, 5m), (granulate.Lot, granulate.Quantity, granulate.Status, granulate.OnHand));
        var granulated = Assert.Single(granulate.Batches);
        Assert.Equal(granulation, granulated.Batch);
        Assert.Equal([("API-PARA", "PARA-24-0117", 10m), ("EXC-MCC", "MCC-24-3310", 30m)],
            granulated.Lots.Select(l => (l.Material, l.Lot, l.Quantity!.Value)));
        Assert.All(granulated.Lots, l => Assert.Empty(l.Batches));
    }

    [Fact]
    public async Task ForwardFromARawLotReachesTheFinishedLotAndEveryBatchOnTheWay()
    {
        await using var host = await MesTestHost.StartAsync();
        var (granulation, compression) = await ThreeLevelsAsync(host, "B");

        var tree = (await host.Get<LotGenealogyService>().GetAsync("MCC-24-3310", GenealogyDirection.Forward))!;

        var intoGranulation = tree.Root.Batches.Single(b => b.Batch == granulation);
        Assert.Equal(30m, intoGranulation.Quantity);
        var granulate = Assert.Single(intoGranulation.Lots);
        Assert.Equal(("G-B", 90m), (granulate.Lot, granulate.Quantity));
        var intoCompression = Assert.Single(granulate.Batches);
        Assert.Equal((compression, 85m), (intoCompression.Batch, intoCompression.Quantity));
        Assert.Equal("T-B", Assert.Single(intoCompression.Lots).Lot);
        Assert.True(tree.Levels >= 2);
    }

    [Fact]
    public async Task AnUnknownLotHasNoGenealogyAndALotNoBatchMadeHasNoLevels()
    {
        await using var host = await MesTestHost.StartAsync();
        var genealogy = host.Get<LotGenealogyService>();

        Assert.Null(await genealogy.GetAsync("NO-SUCH-LOT", GenealogyDirection.Backward));
        var received = (await genealogy.GetAsync("OPA-24-1180", GenealogyDirection.Backward))!;
        Assert.Equal((0, "OPA-24-1180", LotStatus.Quarantine), (received.Levels, received.Root.Lot, received.Root.Status));
        Assert.Empty(received.Root.Batches);
    }
}
