using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;

namespace PharmaMes.Domain.Tests.Production;

/// <summary>What a batch made: the operator's count, else the line's; reconciled when both exist; never the plan.</summary>
public class BatchYieldRules
{
    private static readonly Quantity Planned = new(60_000m, "pcs");

    [Theory]
    [InlineData(57_600L, null, 57_600d, false)]
    [InlineData(57_600L, 57_500d, 57_500d, false)]
    [InlineData(57_600L, 55_000d, 55_000d, true)]
    [InlineData(null, 58_000d, 58_000d, false)]
    public void TakesTheCountAndFlagsADifferenceBeyondTheTolerance(long? line, double? counted, double actual, bool flagged)
    {
        var yield = BatchYield.Decide(Planned, line, counted is { } c ? (decimal)c : null);

        Assert.Equal(new Quantity((decimal)actual, "pcs"), yield.Actual);
        Assert.Equal(flagged, yield.OutsideReconciliation);
    }

    [Fact]
    public void WithNeitherCountThereIsNoYieldAndThePlanIsNeverTaken()
    {
        var refused = Assert.Throws<DomainException>(() => BatchYield.Decide(Planned, null, null));

        Assert.Contains("Enter the good quantity made, in pcs", refused.Message);
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(-5d)]
    public void ACountOfNothingIsRefused(double counted) =>
        Assert.Throws<DomainException>(() => BatchYield.Decide(Planned, 100, (decimal)counted));

    [Fact]
    public void SaysWhereTheFigureCameFromAndTheYieldPercentage()
    {
        var text = BatchYield.Decide(Planned, 57_600, 55_000).Describe(Planned);

        Assert.Contains("Yield 55000 pcs of 60000 planned (91.7 %)", text);
        Assert.Contains("the line counted 57600 pcs — difference beyond 2 %", text);
    }
}
