using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Infrastructure.Tests.Materials;

public class MaterialStockReading
{
    [Fact]
    public async Task StockOnHandIsTheSumOfTheLedgerPerLotStatus()
    {
        await using var host = await MesTestHost.StartAsync(demo: true);

        var stock = await host.Get<MaterialStockService>().ListAsync();
        var paracetamol = stock.Single(m => m.Code == "API-PARA");
        LotStatusStock Quantity(LotStatus status) => paracetamol.ByStatus.Single(s => s.Status == status);

        // Released lot: 400 kg received, 255 kg issued to an earlier batch and 4 × 30 kg to the demo batches.
        Assert.Equal((1, 25m), (Quantity(LotStatus.Released).Lots, Quantity(LotStatus.Released).OnHand));
        Assert.Equal((1, 400m), (Quantity(LotStatus.Quarantine).Lots, Quantity(LotStatus.Quarantine).OnHand));
        Assert.Equal((1, 150m), (Quantity(LotStatus.Expired).Lots, Quantity(LotStatus.Expired).OnHand));
        Assert.Equal((0, 0m), (Quantity(LotStatus.Rejected).Lots, Quantity(LotStatus.Rejected).OnHand));
        Assert.True(paracetamol.IsBelowReorderPoint); // 25 kg released against a reorder point of 200 kg
        Assert.Equal("kg", paracetamol.Unit);
        Assert.All(stock, m => Assert.Equal(MaterialStock.StatusOrder, m.ByStatus.Select(s => s.Status)));
    }

    [Fact]
    public async Task ALotUsedUpIsNoLongerCountedOnHand()
    {
        await using var host = await MesTestHost.StartAsync(demo: true);

        var granulate = (await host.Get<MaterialStockService>().ListAsync()).Single(m => m.Code == "INT-GRAN");

        // Its only lot was made (340 kg) and fully issued to compression.
        Assert.Equal(new LotStatusStock(LotStatus.Released, 0, 0m), granulate.ByStatus.First());
    }
}
