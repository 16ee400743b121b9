using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;

namespace PharmaMes.Domain.Tests.Production;

/// <summary>Gross, tare, net and stability of a scale weighing.</summary>
public class ScaleWeighings
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AScaleWeighingRecordsGrossTareNetAndStability()
    {
        var weighing = Weighing.ByScale("DISP-01", new DateOnly(2027, 6, 30), 5.263m, 0.25m, stable: true);

        Assert.Equal(5.013m, weighing.Net);
        Assert.Equal("weighed on the DISP-01 scale (calibrated until 2027-06-30): gross 5.263, tare 0.25, net 5.013, stable", weighing.Describe());
        Assert.EndsWith("reading NOT stable", Weighing.ByScale("DISP-01", null, 5.263m, 0.25m, stable: false).Describe());
    }

    [Theory]
    [InlineData(0.25, 0.25)]
    [InlineData(1, -0.1)]
    public void AnEmptyContainerOrANegativeTareIsRefused(double gross, double tare)
    {
        Assert.Throws<DomainException>(() => Weighing.ByScale("DISP-01", null, (decimal)gross, (decimal)tare, stable: true));
    }

    [Fact]
    public void AReadingIsStableWhenItsRecentValuesLieWithinAGramOrHalfAPerMille()
    {
        var steady = new[] { (Now.AddSeconds(-2), 5.263), (Now.AddSeconds(-1), 5.264), (Now, 5.263) };
        var moving = new[] { (Now.AddSeconds(-2), 5.100), (Now.AddSeconds(-1), 5.200), (Now, 5.263) };
        var heavySteady = new[] { (Now.AddSeconds(-1), 100.00), (Now, 100.04) };

        Assert.True(ScaleStability.IsStable(steady, Now));
        Assert.False(ScaleStability.IsStable(moving, Now));
        Assert.True(ScaleStability.IsStable(heavySteady, Now));
    }

    [Fact]
    public void ASingleOrStaleReadingIsNotStable()
    {
        Assert.False(ScaleStability.IsStable([(Now, 5.263)], Now));
        Assert.False(ScaleStability.IsStable([(Now.AddSeconds(-10), 5.263), (Now.AddSeconds(-9), 5.263)], Now));
    }
}
