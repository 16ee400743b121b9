using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Testing;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Materials;

public class ConcurrentConsumption
{
    [Fact]
    public async Task APostingComputedFromAStaleBalanceIsRefusedInsteadOfOverwritingTheOther()
    {
        await using var host = await MesTestHost.StartAsync();
        await using var first = host.NewContext(AuditActor.System("test"));
        await using var second = host.NewContext(AuditActor.System("test"));
        async Task<(MaterialLot Lot, Material Material, LotBalance Balance)> ReadAsync(PharmaMes.Infrastructure.Persistence.MesDbContext db)
        {
            var lot = await db.MaterialLots.SingleAsync(l => l.Number == new LotNumber("MCC-24-3310"));
            return (lot, await db.Materials.SingleAsync(m => m.Id == lot.MaterialId), await db.LotBalances.SingleAsync(b => b.LotId == lot.Id));
        }
        // Both read the lot at the same moment, then both post.
        var a = await ReadAsync(first);
        var b = await ReadAsync(second);
        var before = a.Balance.OnHand;
        first.InventoryLedger.Add(InventoryLedgerEntry.IssueToBatch(a.Lot, a.Material.QuantityOf(10m), a.Material.QuantityOf(a.Balance.OnHand), "B-X-1", DateTimeOffset.UtcNow, "operator"));
        second.InventoryLedger.Add(InventoryLedgerEntry.IssueToBatch(b.Lot, b.Material.QuantityOf(7m), b.Material.QuantityOf(b.Balance.OnHand), "B-X-2", DateTimeOffset.UtcNow, "operator"));

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = host.NewContext();
        var lot = await check.MaterialLots.SingleAsync(l => l.Number == new LotNumber("MCC-24-3310"));
        var balance = await check.LotBalances.SingleAsync(x => x.LotId == lot.Id);
        var ledger = (await check.InventoryLedger.Where(e => e.LotId == lot.Id).Select(e => e.Change).ToListAsync()).Sum();
        Assert.Equal(before - 10m, balance.OnHand);
        Assert.Equal(ledger, balance.OnHand);
        Assert.False(await check.InventoryLedger.AnyAsync(e => e.Reference == "B-X-2"));
    }

    [Fact]
    public async Task BatchesDispensingTheLastKilogramsOfALotAtOnceNeverTakeItBelowZeroAndLoseNoPosting()
    {
        await using var host = await MesTestHost.StartAsync();
        await ShopFloorSetup.EnsureApprovedRecipeAsync(host.Services, "FG-CONC-T", "Concurrency tablets", 1_000m, recipe =>
        {
            recipe.AddStep("Dispensing", "Weigh.", null);
            recipe.AddMaterial(new MaterialCode("API-PARA"), new Quantity(4m, "kg"), 1m, 1m, 1);
        });
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        Guid lotId;
        decimal start;
        await using (var db = host.NewContext())
        {
            lotId = await db.MaterialLots.Where(l => l.Number == new LotNumber("PARA-24-0117")).Select(l => l.Id).SingleAsync();
            start = await db.LotBalances.Where(b => b.LotId == lotId).Select(b => b.OnHand).SingleAsync();
        }
        // More batches than the lot can serve, 4 kg each, in two lines working at the same time.
        var count = (int)(start / 4) + 2;
        var batches = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var number = await ShopFloorSetup.NewBatchAsync(host.Services, "FG-CONC-T", 1_000m);
            await execution.StartAsync(number, operatorUser);
            await execution.StartStepAsync(number, 1, null, operatorUser);
            batches.Add(number);
        }

        var results = await Task.WhenAll(batches.Chunk((count + 1) / 2).Select(line => Task.Run(async () =>
        {
            var (done, refused) = (0, 0);
            foreach (var number in line)
            {
                try
                {
                    await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 4m, operatorUser);
                    done++;
                }
                catch (DomainException e) when (e.Message.Contains("cannot be issued") || e.Message.Contains("cannot be taken"))
                {
                    refused++;
                }
            }
            return (done, refused);
        })));

        await using var check = host.NewContext();
        var balance = await check.LotBalances.Where(b => b.LotId == lotId).Select(b => b.OnHand).SingleAsync();
        var ledger = (await check.InventoryLedger.Where(e => e.LotId == lotId).Select(e => e.Change).ToListAsync()).Sum();
        var issued = (await check.InventoryLedger.Where(e => e.LotId == lotId && batches.Contains(e.Reference!)).Select(e => e.Change).ToListAsync()).Sum();
        var done = results.Sum(r => r.done);
        Assert.Equal(count, done + results.Sum(r => r.refused));
        Assert.Equal((int)(start / 4), done);
        Assert.Equal(-4m * done, issued);
        Assert.Equal(ledger, balance);
        Assert.Equal(start - 4m * done, balance);
        Assert.InRange(balance, 0m, 3.999m);
    }
}
