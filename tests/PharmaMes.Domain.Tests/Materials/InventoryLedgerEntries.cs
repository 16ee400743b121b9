using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using static PharmaMes.Domain.Tests.Materials.TestMaterials;

namespace PharmaMes.Domain.Tests.Materials;

public class InventoryLedgerEntries
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 3, 8, 15, 0, TimeSpan.Zero);
    private const string Batch = "B-2026-0107";
    private const string Operator = "j.meier";

    // ----- Receipt -----

    [Fact]
    public void ReceiptAddsTheReceivedQuantity()
    {
        var lot = ReceivedLot();

        var entry = InventoryLedgerEntry.Receipt(lot, KgOf(250m), ReceivedAt, " j.meier ", " GR-55012 ");

        Assert.NotEqual(Guid.Empty, entry.Id);
        Assert.Equal(lot.Id, entry.LotId);
        Assert.Equal(lot.MaterialId, entry.MaterialId);
        Assert.Equal(InventoryMovement.Receipt, entry.Movement);
        Assert.Equal(250m, entry.Change);
        Assert.Equal(Kg, entry.Unit);
        Assert.Equal(ReceivedAt, entry.OccurredAt);
        Assert.Equal("GR-55012", entry.Reference);
        Assert.Null(entry.Reason);
        Assert.Equal("j.meier", entry.RecordedBy);
    }

    [Fact]
    public void RefusesAReceiptOfNothing()
    {
        var ex = Assert.Throws<DomainException>(() => InventoryLedgerEntry.Receipt(ReceivedLot(), KgOf(0m), ReceivedAt, Operator));

        Assert.Equal("The quantity received must be more than zero.", ex.Message);
    }

    [Fact]
    public void RefusesANegativeReceipt()
    {
        // A negative quantity cannot even be written down.
        var ex = Assert.Throws<DomainException>(() => InventoryLedgerEntry.Receipt(ReceivedLot(), KgOf(-5m), ReceivedAt, Operator));

        Assert.StartsWith("A quantity cannot be negative", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RefusesAnEntryWithoutWhoRecordedIt(string? recordedBy)
    {
        var ex = Assert.Throws<DomainException>(() => InventoryLedgerEntry.Receipt(ReceivedLot(), KgOf(1m), ReceivedAt, recordedBy!));

        Assert.Equal("Who recorded the movement is required.", ex.Message);
    }

    [Fact]
    public void RefusesAReferenceOverSixtyCharacters()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.Receipt(ReceivedLot(), KgOf(1m), ReceivedAt, Operator, new string('r', 61)));

        Assert.Equal("A ledger reference must be at most 60 characters (got 61).", ex.Message);
    }

    // ----- Issue to batch -----

    [Fact]
    public void IssueRecordsANegativeChangeAgainstTheBatch()
    {
        var lot = ReleasedLot();

        var entry = InventoryLedgerEntry.IssueToBatch(lot, KgOf(10.5m), KgOf(25m), Batch, IssuedAt, Operator);

        Assert.Equal(InventoryMovement.IssueToBatch, entry.Movement);
        Assert.Equal(-10.5m, entry.Change);
        Assert.Equal(Kg, entry.Unit);
        Assert.Equal(Batch, entry.Reference);
        Assert.Equal(lot.Id, entry.LotId);
        Assert.Equal(IssuedAt, entry.OccurredAt);
    }

    [Fact]
    public void IssuesEverythingOnHand()
    {
        var entry = InventoryLedgerEntry.IssueToBatch(ReleasedLot(), KgOf(25m), KgOf(25m), Batch, IssuedAt, Operator);

        Assert.Equal(-25m, entry.Change);
    }

    [Fact]
    public void RefusesToIssueMoreThanOnHand()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(ReleasedLot(), KgOf(30m), KgOf(25m), Batch, IssuedAt, Operator));

        Assert.Equal("Lot L-2026-001 holds 25 kg; 30 kg cannot be issued.", ex.Message);
    }

    [Fact]
    public void RefusesToIssueNothing()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(ReleasedLot(), KgOf(0m), KgOf(25m), Batch, IssuedAt, Operator));

        Assert.Equal("The quantity issued must be more than zero.", ex.Message);
    }

    [Fact]
    public void RefusesToIssueANegativeQuantity()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(ReleasedLot(), KgOf(-1m), KgOf(25m), Batch, IssuedAt, Operator));

        Assert.StartsWith("A quantity cannot be negative", ex.Message);
    }

    [Fact]
    public void RefusesToIssueFromALotInQuarantine()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(ReceivedLot(), KgOf(1m), KgOf(25m), Batch, IssuedAt, Operator));

        Assert.Equal("Lot L-2026-001 is Quarantine, not Released.", ex.Message);
    }

    [Fact]
    public void RefusesToIssueFromARejectedLot()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(RejectedLot(), KgOf(1m), KgOf(25m), Batch, IssuedAt, Operator));

        Assert.Equal("Lot L-2026-001 is Rejected, not Released.", ex.Message);
    }

    [Fact]
    public void RefusesToIssueFromAnExpiredLot()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(ExpiredLot(), KgOf(1m), KgOf(25m), Batch, DayAfterExpiry, Operator));

        Assert.Equal("Lot L-2026-001 is Expired, not Released.", ex.Message);
    }

    [Fact]
    public void RefusesToIssueFromAReleasedLotPastItsExpiryDate()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(ReleasedLot(), KgOf(1m), KgOf(25m), Batch, DayAfterExpiry, Operator));

        Assert.Equal("Lot L-2026-001 expired on 2027-11-30.", ex.Message);
    }

    [Fact]
    public void IssuesFromAReleasedLotOnItsExpiryDate()
    {
        var entry = InventoryLedgerEntry.IssueToBatch(ReleasedLot(), KgOf(1m), KgOf(25m), Batch, OnExpiryDate, Operator);

        Assert.Equal(-1m, entry.Change);
    }

    [Fact]
    public void RefusesToIssueInAnotherUnitThanOnHand()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(ReleasedLot(), new Quantity(500m, G), KgOf(25m), Batch, IssuedAt, Operator));

        Assert.Equal("Quantities in kg and g cannot be combined.", ex.Message);
    }

    [Fact]
    public void RefusesToIssueWithoutABatchNumber()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.IssueToBatch(ReleasedLot(), KgOf(1m), KgOf(25m), " ", IssuedAt, Operator));

        Assert.Equal("The batch number is required.", ex.Message);
    }

    // ----- Output from batch -----

    [Fact]
    public void OutputAddsTheProducedQuantityAgainstTheBatch()
    {
        var entry = InventoryLedgerEntry.OutputFromBatch(ReceivedLot(), KgOf(98.2m), Batch, IssuedAt, Operator);

        Assert.Equal(InventoryMovement.OutputFromBatch, entry.Movement);
        Assert.Equal(98.2m, entry.Change);
        Assert.Equal(Batch, entry.Reference);
    }

    [Fact]
    public void RefusesAnOutputOfNothing()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.OutputFromBatch(ReceivedLot(), KgOf(0m), Batch, IssuedAt, Operator));

        Assert.Equal("The quantity produced must be more than zero.", ex.Message);
    }

    [Fact]
    public void RefusesAnOutputWithoutABatchNumber()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.OutputFromBatch(ReceivedLot(), KgOf(1m), "", IssuedAt, Operator));

        Assert.Equal("The batch number is required.", ex.Message);
    }

    // ----- Adjustment -----

    [Theory]
    [InlineData(2.5)]
    [InlineData(-2.5)]
    public void AdjustmentRecordsTheSignedChangeAndItsReason(double change)
    {
        var lot = ReleasedLot();

        var entry = InventoryLedgerEntry.Adjustment(lot, (decimal)change, KgOf(25m), " Cycle count 2026-12 ", IssuedAt, Operator);

        Assert.Equal(InventoryMovement.Adjustment, entry.Movement);
        Assert.Equal((decimal)change, entry.Change);
        Assert.Equal(Kg, entry.Unit);
        Assert.Equal("Cycle count 2026-12", entry.Reason);
        Assert.Null(entry.Reference);
    }

    [Fact]
    public void AdjustsALotDownToZero()
    {
        var entry = InventoryLedgerEntry.Adjustment(ReleasedLot(), -25m, KgOf(25m), "Spillage", IssuedAt, Operator);

        Assert.Equal(-25m, entry.Change);
    }

    [Fact]
    public void RefusesAnAdjustmentBelowZero()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.Adjustment(ReleasedLot(), -26m, KgOf(25m), "Spillage", IssuedAt, Operator));

        Assert.Equal("Lot L-2026-001 holds 25 kg; an adjustment of -26 would make it negative.", ex.Message);
    }

    [Fact]
    public void RefusesAnAdjustmentOfZero()
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.Adjustment(ReleasedLot(), 0m, KgOf(25m), "Cycle count", IssuedAt, Operator));

        Assert.Equal("An adjustment of zero changes nothing.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAnAdjustmentWithoutAReason(string? reason)
    {
        var ex = Assert.Throws<DomainException>(() =>
            InventoryLedgerEntry.Adjustment(ReleasedLot(), 1m, KgOf(25m), reason!, IssuedAt, Operator));

        Assert.Equal("A reason for the adjustment is required.", ex.Message);
    }
}
