using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

/// <summary>
/// Issued − returned − waste per material against the recipe's limits. The 200 kg test batch needs
/// 100 kg paracetamol (± 1 %: 99 – 101 kg) and 90 kg cellulose (± 2 %: 88.2 – 91.8 kg); both are dispensed exactly.
/// </summary>
public class MaterialReconciliations
{
    private static MaterialReconciliation.Line Paracetamol(Batch batch) => batch.Reconcile().Lines.Single(l => l.Material == TestRecipes.Paracetamol);

    [Fact]
    public void ACompletedBatchReconcilesWhatItWasIssuedAgainstWhatItRequired()
    {
        var balance = Completed().Reconcile();

        Assert.Equal([TestRecipes.Paracetamol, TestRecipes.Cellulose], balance.Lines.Select(l => l.Material).OrderBy(m => m.Value == "API-PARA" ? 0 : 1));
        var paracetamol = balance.Lines.Single(l => l.Material == TestRecipes.Paracetamol);
        Assert.Equal((100m, 99m, 101m, 100m, 100m), (paracetamol.Required, paracetamol.Low, paracetamol.High, paracetamol.Issued, paracetamol.Consumed));
        Assert.Equal(100m, paracetamol.PercentOfRequired);
        Assert.True(balance.AllWithinLimits);
    }

    [Fact]
    public void ReturnsAndWasteLowerWhatWasConsumedAndAShortfallBeyondTheLimitsIsFlagged()
    {
        var batch = Completed();

        var returned = batch.ReturnMaterial(1, TestRecipes.Paracetamol, 0.5m, Operator, At(41));
        Assert.True(Paracetamol(batch).WithinLimits);
        var wasted = batch.RecordWaste(1, TestRecipes.Paracetamol, 0.8m, "Spilt at the granulator inlet", Operator, At(42));

        var line = Paracetamol(batch);
        Assert.Equal((0.5m, 0.8m, 98.7m), (line.Returned, line.Wasted, line.Consumed));
        Assert.False(line.WithinLimits);
        Assert.False(batch.Reconcile().AllWithinLimits);
        Assert.Equal(BatchRecordEntryKind.MaterialReturned, returned.Kind);
        Assert.Equal("L-PARA-01", returned.LotNumber!.Value.Value);
        Assert.Equal(new Quantity(0.5m, "kg"), returned.Quantity);
        Assert.Equal(BatchRecordEntryKind.MaterialWasted, wasted.Kind);
        Assert.Equal("Spilt at the granulator inlet", wasted.Text);
    }

    [Fact]
    public void NoMoreCanBeAccountedForThanWasDispensed()
    {
        var batch = Completed();
        batch.ReturnMaterial(1, TestRecipes.Paracetamol, 60m, Operator, At(41));

        var tooMuch = Assert.Throws<DomainException>(() => batch.RecordWaste(1, TestRecipes.Paracetamol, 40.5m, "Rejected", Operator, At(42)));
        batch.RecordWaste(1, TestRecipes.Paracetamol, 40m, "Rejected in process", Operator, At(42));
        var nothingLeft = Assert.Throws<DomainException>(() => batch.ReturnMaterial(1, TestRecipes.Paracetamol, 0.001m, Operator, At(43)));

        Assert.Contains("40 kg is left to account for", tooMuch.Message);
        Assert.Contains("0 kg is left to account for", nothingLeft.Message);
        Assert.Throws<DomainException>(() => batch.ReturnMaterial(1, TestRecipes.Paracetamol, 0m, Operator, At(43)));
    }

    [Fact]
    public void WasteNeedsItsReason()
    {
        Assert.Throws<DomainException>(() => Completed().RecordWaste(1, TestRecipes.Paracetamol, 0.2m, " ", Operator, At(41)));
    }

    [Fact]
    public void AMaterialNotYetIssuedIsFlaggedAndCannotBeReturned()
    {
        var batch = Running();

        var line = Paracetamol(batch);
        var refused = Assert.Throws<DomainException>(() => batch.ReturnMaterial(1, TestRecipes.Paracetamol, 1m, Operator, At(2)));

        Assert.False(line.FullyIssued);
        Assert.False(line.WithinLimits);
        Assert.Equal(0m, line.Issued);
        Assert.Contains("has not been dispensed", refused.Message);
    }

    [Fact]
    public void AnAbortedBatchAccountsForNothingMore()
    {
        var refused = Assert.Throws<DomainException>(() => Aborted().ReturnMaterial(1, TestRecipes.Paracetamol, 1m, Operator, At(50)));

        Assert.Contains("Aborted", refused.Message);
    }
}
