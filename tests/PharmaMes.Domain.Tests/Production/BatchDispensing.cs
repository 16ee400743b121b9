using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Tests.Plant;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchDispensing
{
    /// <summary>Step 1 Dispensing in progress: API-PARA 100 kg (99 – 101), EXC-MCC 90 kg (88.2 – 91.8).</summary>
    private static Batch Dispensing()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));
        return batch;
    }

    [Fact]
    public void RecordsADispenseWithinTolerance()
    {
        var batch = Dispensing();
        var lot = ReleasedLot(Paracetamol, "L-PARA-01");

        var entry = batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, lot, KgOf(100.4m), Operator, At(11));

        Assert.Equal(BatchRecordEntryKind.MaterialDispensed, entry.Kind);
        Assert.Equal(1, entry.StepNumber);
        Assert.Equal("API-PARA", entry.Name);
        Assert.Equal("Paracetamol", entry.Text);
        Assert.Equal(new LotNumber("L-PARA-01"), entry.LotNumber);
        Assert.Equal(100.4m, entry.Amount);
        Assert.Equal(KgOf(100.4m), entry.Quantity);
        Assert.Equal(100, entry.Target);
        Assert.Equal(99, entry.LowLimit);
        Assert.Equal(101, entry.HighLimit);
        Assert.Equal(EntryResult.WithinLimits, entry.Result);
        var line = batch.FindStep(1)!.FindMaterial(TestRecipes.Paracetamol)!;
        Assert.True(line.IsDispensed);
        Assert.Equal(new LotNumber("L-PARA-01"), line.DispensedLot);
        Assert.Equal(KgOf(100.4m), line.DispensedQuantity);
        Assert.Equal(entry.Sequence, line.DispenseEntrySequence);
        Assert.Equal(EntryResult.WithinLimits, line.DispenseResult);
    }

    [Theory]
    [InlineData(98.9)]
    [InlineData(101.1)]
    public void RecordsAndFlagsADispenseOutsideTolerance(double kg)
    {
        var batch = Dispensing();

        var entry = batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf((decimal)kg), Operator, At(11));

        Assert.Equal(EntryResult.OutOfLimits, entry.Result);
        Assert.Equal(EntryResult.OutOfLimits, batch.FindStep(1)!.FindMaterial(TestRecipes.Paracetamol)!.DispenseResult);
    }

    [Fact]
    public void RefusesTheWrongMaterialAndRecordsNothing()
    {
        var batch = Dispensing();
        var entries = batch.NewEntries.Count;

        var ex = Assert.Throws<DomainException>(() =>
            batch.RecordDispense(1, TestRecipes.Paracetamol, Cellulose, ReleasedLot(Cellulose), KgOf(100), Operator, At(11)));

        Assert.Equal("This line needs API-PARA, not EXC-MCC.", ex.Message);
        Assert.Equal(entries, batch.NewEntries.Count);
        Assert.False(batch.FindStep(1)!.FindMaterial(TestRecipes.Paracetamol)!.IsDispensed);
    }

    [Fact]
    public void RefusesALotInQuarantine()
    {
        var batch = Dispensing();
        var lot = MaterialLot.Receive(new LotNumber("L-Q-1"), Paracetamol, LotExpiry, T0.AddDays(-1));

        var ex = Assert.Throws<DomainException>(() =>
            batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, lot, KgOf(100), Operator, At(11)));

        Assert.Equal("Lot L-Q-1 is Quarantine, not Released.", ex.Message);
    }

    [Fact]
    public void RefusesAnExpiredLotJudgedOnTheUtcDateOfTheDispense()
    {
        var recipe = TestRecipes.Approved();
        var order = ReleasedOrder();
        var batch = Batch.Create(order, recipe, BatchNo, KgOf(200), Planner, new DateTimeOffset(2027, 11, 30, 20, 0, 0, TimeSpan.Zero));
        var at = new DateTimeOffset(2027, 12, 1, 0, 30, 0, TimeSpan.FromHours(2)); // still 30 Nov in UTC
        batch.Start(Operator, at);
        var booth = Booth();
        booth.MarkCleaned(at.AddHours(-1), TimeSpan.FromDays(1));
        booth.RecordCalibration(new DateOnly(2027, 11, 1), new DateOnly(2028, 11, 1));
        batch.StartStep(1, booth, Operator, at);
        var lot = ReleasedLot(Paracetamol);

        batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, lot, KgOf(100), Operator, at);
        var ex = Assert.Throws<DomainException>(() =>
            batch.RecordDispense(1, TestRecipes.Cellulose, Cellulose, ReleasedLot(Cellulose), KgOf(90), Operator, at.AddHours(2)));

        Assert.Equal("Lot L-2026-001 expired on 2027-11-30.", ex.Message);
    }

    [Fact]
    public void RefusesAnAmountInAnotherUnit()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Dispensing().RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), new Quantity(100000, "g"), Operator, At(11)));

        Assert.Equal("100000 g is not in kg, the unit of the target 100 kg.", ex.Message);
    }

    [Fact]
    public void GivesEveryReasonForARefusal()
    {
        var lot = MaterialLot.Receive(new LotNumber("L-Q-2"), Cellulose, LotExpiry, T0.AddDays(-1));

        var ex = Assert.Throws<DomainException>(() =>
            Dispensing().RecordDispense(1, TestRecipes.Paracetamol, Cellulose, lot, KgOf(100), Operator, At(11)));

        Assert.Equal("This line needs API-PARA, not EXC-MCC. Lot L-Q-2 is Quarantine, not Released.", ex.Message);
    }

    [Fact]
    public void RefusesAMaterialTheStepDoesNotDispense()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Dispensing().RecordDispense(1, new MaterialCode("EXC-MGST"), Paracetamol, ReleasedLot(Paracetamol), KgOf(1), Operator, At(11)));

        Assert.Equal("Step 1 Dispensing does not dispense EXC-MGST; it dispenses API-PARA, EXC-MCC.", ex.Message);
    }

    [Fact]
    public void RefusesToDispenseTheSameLineTwice()
    {
        var batch = Dispensing();
        batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol, "L-PARA-01"), KgOf(100), Operator, At(11));

        var ex = Assert.Throws<DomainException>(() =>
            batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol, "L-PARA-02"), KgOf(100), Operator, At(12)));

        Assert.Equal("API-PARA has already been dispensed in Step 1 Dispensing (lot L-PARA-01, 100 kg).", ex.Message);
    }

    [Fact]
    public void RefusesAZeroAmount()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Dispensing().RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(0), Operator, At(11)));

        Assert.Equal("The dispensed quantity must be more than zero.", ex.Message);
    }

    [Fact]
    public void RefusesADispenseInAStepWithoutMaterials()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.StartStep(2, Granulator(), Operator, At(20));

        var ex = Assert.Throws<DomainException>(() =>
            batch.RecordDispense(2, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(1), Operator, At(21)));

        Assert.Equal("Step 2 Granulation dispenses no material.", ex.Message);
    }
}
