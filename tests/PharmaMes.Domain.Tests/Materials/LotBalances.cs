using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using static PharmaMes.Domain.Tests.Materials.TestMaterials;

namespace PharmaMes.Domain.Tests.Materials;

public class LotBalances
{
    [Fact]
    public void EachPostingChangesTheStockAndTheVersion()
    {
        var lot = ReleasedLot();
        var balance = new LotBalance(lot.Id, lot.MaterialId, ReceivedAt);

        balance.Post(InventoryLedgerEntry.Receipt(lot, KgOf(100m), ReceivedAt, "clerk"));
        balance.Post(InventoryLedgerEntry.IssueToBatch(lot, KgOf(30m), KgOf(100m), "B-1", ReleasedAt, "operator"));

        Assert.Equal((70m, 2, ReleasedAt), (balance.OnHand, balance.Version, balance.UpdatedAt));
    }

    [Fact]
    public void APostingThatWouldLeaveTheLotBelowZeroIsRefusedAndChangesNothing()
    {
        var lot = ReleasedLot();
        var balance = new LotBalance(lot.Id, lot.MaterialId, ReceivedAt);
        balance.Post(InventoryLedgerEntry.Receipt(lot, KgOf(10m), ReceivedAt, "clerk"));
        // Computed by another batch from an older reading of 20 kg.
        var stale = InventoryLedgerEntry.IssueToBatch(lot, KgOf(15m), KgOf(20m), "B-2", ReleasedAt, "operator");

        var refused = Assert.Throws<DomainException>(() => balance.Post(stale));

        Assert.Contains("cannot be taken", refused.Message);
        Assert.Equal((10m, 1), (balance.OnHand, balance.Version));
    }

    [Fact]
    public void AnEntryOfAnotherLotIsRefused()
    {
        var lot = ReleasedLot();
        var other = ReceivedLot();
        var balance = new LotBalance(lot.Id, lot.MaterialId, ReceivedAt);

        Assert.Throws<DomainException>(() => balance.Post(InventoryLedgerEntry.Receipt(other, KgOf(1m), ReceivedAt, "clerk")));
        Assert.Throws<DomainException>(() => LotBalance.Opening(lot.Id, lot.MaterialId, -1m, ReceivedAt));
        Assert.Equal(12.5m, LotBalance.Opening(lot.Id, lot.MaterialId, 12.5m, ReceivedAt).OnHand);
    }
}
