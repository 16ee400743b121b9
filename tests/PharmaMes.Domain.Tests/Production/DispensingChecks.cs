using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class DispensingChecks
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>API-PARA in step 1 of the 200 kg batch: 100 kg, 99 – 101 kg.</summary>
    private static BatchStepMaterial ParacetamolLine() => NewBatch().FindStep(1)!.FindMaterial(TestRecipes.Paracetamol)!;

    private static IReadOnlyList<DispenseProblem> Check(MaterialLot lot, Material material, decimal kg, DateOnly? today = null) =>
        Dispensing.Check(ParacetamolLine(), lot, material, KgOf(kg), today ?? Today);

    [Theory]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    public void TheRightReleasedLotWithinToleranceIsAcceptable(double kg)
    {
        Assert.Empty(Check(ReleasedLot(Paracetamol), Paracetamol, (decimal)kg));
    }

    [Fact]
    public void TheLineHoldsTheScaledTargetAndTolerance()
    {
        var line = ParacetamolLine();

        Assert.Equal(KgOf(100), line.TargetQuantity);
        Assert.Equal(KgOf(99), line.Tolerance.Low);
        Assert.Equal(KgOf(101), line.Tolerance.High);
    }

    [Fact]
    public void AnotherMaterialIsTheWrongMaterial()
    {
        var problem = Assert.Single(Check(ReleasedLot(Cellulose), Cellulose, 100));

        Assert.Equal(DispenseProblemKind.WrongMaterial, problem.Kind);
        Assert.Equal("This line needs API-PARA, not EXC-MCC.", problem.Message);
        Assert.True(problem.RefusesDispense);
    }

    [Fact]
    public void ALotOfAnotherMaterialIsTheWrongMaterial()
    {
        var problem = Assert.Single(Check(ReleasedLot(Cellulose, "L-MCC-01"), Paracetamol, 100));

        Assert.Equal(DispenseProblemKind.WrongMaterial, problem.Kind);
        Assert.Equal("Lot L-MCC-01 is not a lot of API-PARA.", problem.Message);
        Assert.True(problem.RefusesDispense);
    }

    [Fact]
    public void ALotInQuarantineIsNotReleased()
    {
        var lot = MaterialLot.Receive(new LotNumber("L-Q-1"), Paracetamol, LotExpiry, T0.AddDays(-1));

        var problem = Assert.Single(Check(lot, Paracetamol, 100));

        Assert.Equal(DispenseProblemKind.LotNotReleased, problem.Kind);
        Assert.Equal("Lot L-Q-1 is Quarantine, not Released.", problem.Message);
        Assert.True(problem.RefusesDispense);
    }

    [Fact]
    public void ARejectedLotIsNotReleased()
    {
        var lot = MaterialLot.Receive(new LotNumber("L-R-1"), Paracetamol, LotExpiry, T0.AddDays(-1));
        lot.Reject("Assay out of specification", T0);

        var problem = Assert.Single(Check(lot, Paracetamol, 100));

        Assert.Equal(DispenseProblemKind.LotNotReleased, problem.Kind);
        Assert.Equal("Lot L-R-1 is Rejected, not Released.", problem.Message);
    }

    [Fact]
    public void AReleasedLotPastItsExpiryIsExpired()
    {
        var problem = Assert.Single(Check(ReleasedLot(Paracetamol), Paracetamol, 100, LotExpiry.AddDays(1)));

        Assert.Equal(DispenseProblemKind.LotExpired, problem.Kind);
        Assert.Equal("Lot L-2026-001 expired on 2027-11-30.", problem.Message);
        Assert.True(problem.RefusesDispense);
    }

    [Fact]
    public void AReleasedLotOnItsExpiryDateIsStillGood()
    {
        Assert.Empty(Check(ReleasedLot(Paracetamol), Paracetamol, 100, LotExpiry));
    }

    [Theory]
    [InlineData(98.999)]
    [InlineData(101.001)]
    public void AnAmountOutsideTheToleranceIsRecordedNotRefused(double kg)
    {
        var problem = Assert.Single(Check(ReleasedLot(Paracetamol), Paracetamol, (decimal)kg));

        Assert.Equal(DispenseProblemKind.OutOfTolerance, problem.Kind);
        Assert.Equal($"{kg} kg of API-PARA is outside its tolerance 99 – 101 kg (target 100 kg).", problem.Message);
        Assert.False(problem.RefusesDispense);
    }

    [Fact]
    public void AnAmountInAnotherUnitIsRefused()
    {
        var problem = Assert.Single(Dispensing.Check(ParacetamolLine(), ReleasedLot(Paracetamol), Paracetamol, new Quantity(100000, "g"), Today));

        Assert.Equal(DispenseProblemKind.WrongUnit, problem.Kind);
        Assert.Equal("100000 g is not in kg, the unit of the target 100 kg.", problem.Message);
        Assert.True(problem.RefusesDispense);
    }

    [Fact]
    public void ListsEveryProblemAtOnce()
    {
        var lot = MaterialLot.Receive(new LotNumber("L-Q-2"), Cellulose, LotExpiry, T0.AddDays(-1));

        var problems = Check(lot, Cellulose, 120);

        Assert.Equal(
            [DispenseProblemKind.WrongMaterial, DispenseProblemKind.LotNotReleased, DispenseProblemKind.OutOfTolerance],
            problems.Select(p => p.Kind));
    }
}
