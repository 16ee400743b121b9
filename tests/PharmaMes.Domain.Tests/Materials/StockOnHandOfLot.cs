using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using static PharmaMes.Domain.Tests.Materials.TestMaterials;

namespace PharmaMes.Domain.Tests.Materials;

public class StockOnHandOfLot
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 3, 8, 15, 0, TimeSpan.Zero);
    private const string Operator = "j.meier";

    [Fact]
    public void IsZeroWithoutEntries()
    {
        Assert.Equal(Quantity.Zero(Kg), StockOnHand.OfLot([], Kg));
    }

    [Fact]
    public void SumsTheSignedChangesOfTheLedger()
    {
        var lot = ReleasedLot();
        InventoryLedgerEntry[] entries =
        [
            InventoryLedgerEntry.Receipt(lot, KgOf(100m), ReceivedAt, Operator),
            InventoryLedgerEntry.IssueToBatch(lot, KgOf(30m), KgOf(100m), "B-1", IssuedAt, Operator),
            InventoryLedgerEntry.IssueToBatch(lot, KgOf(12.5m), KgOf(70m), "B-2", IssuedAt.AddHours(1), Operator),
            InventoryLedgerEntry.Adjustment(lot, -0.5m, KgOf(57.5m), "Cycle count", IssuedAt.AddDays(1), Operator),
            InventoryLedgerEntry.Adjustment(lot, 2m, KgOf(57m), "Recount", IssuedAt.AddDays(2), Operator),
        ];

        Assert.Equal(KgOf(59m), StockOnHand.OfLot(entries, Kg));
    }

    [Fact]
    public void IsZeroOnceEverythingIsIssued()
    {
        var lot = ReleasedLot();
        InventoryLedgerEntry[] entries =
        [
            InventoryLedgerEntry.Receipt(lot, KgOf(40m), ReceivedAt, Operator),
            InventoryLedgerEntry.IssueToBatch(lot, KgOf(40m), KgOf(40m), "B-1", IssuedAt, Operator),
        ];

        Assert.Equal(Quantity.Zero(Kg), StockOnHand.OfLot(entries, Kg));
    }

    [Fact]
    public void RefusesEntriesInAnotherUnit()
    {
        var lot = ReceivedLot();
        InventoryLedgerEntry[] entries =
        [
            InventoryLedgerEntry.Receipt(lot, KgOf(1m), ReceivedAt, Operator),
            InventoryLedgerEntry.Receipt(lot, new Quantity(500m, G), ReceivedAt, Operator),
        ];

        var ex = Assert.Throws<DomainException>(() => StockOnHand.OfLot(entries, Kg));

        Assert.Equal("A ledger entry in g cannot be counted in kg.", ex.Message);
    }
}
