using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class DispenseTolerances
{
    /// <summary>100 kg, 1 % below, 2 % above: 99 – 102 kg.</summary>
    private static readonly DispenseTolerance Tolerance = new(KgOf(100), 1, 2);

    [Fact]
    public void TheWindowRunsFromTargetLessBelowToTargetPlusAbove()
    {
        Assert.Equal(KgOf(99), Tolerance.Low);
        Assert.Equal(KgOf(102), Tolerance.High);
        Assert.Equal("99 – 102 kg", Tolerance.ToString());
    }

    [Theory]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(102)]
    [InlineData(101.999)]
    public void AcceptsAnAmountOnOrInsideTheEdges(double amount)
    {
        Assert.True(Tolerance.Accepts(KgOf((decimal)amount)));
        Assert.Equal(EntryResult.WithinLimits, Tolerance.Check(KgOf((decimal)amount)));
    }

    [Theory]
    [InlineData(98.999)]
    [InlineData(102.001)]
    [InlineData(0)]
    public void RefusesAnAmountOutsideTheEdges(double amount)
    {
        Assert.False(Tolerance.Accepts(KgOf((decimal)amount)));
        Assert.Equal(EntryResult.OutOfLimits, Tolerance.Check(KgOf((decimal)amount)));
    }

    [Fact]
    public void AZeroToleranceAcceptsOnlyTheTarget()
    {
        var exact = new DispenseTolerance(KgOf(2.5m), 0, 0);

        Assert.True(exact.Accepts(KgOf(2.5m)));
        Assert.False(exact.Accepts(KgOf(2.5001m)));
        Assert.False(exact.Accepts(KgOf(2.4999m)));
    }

    [Fact]
    public void KeepsSmallWindowsExact()
    {
        var tolerance = new DispenseTolerance(KgOf(0.333333m), 0.5m, 0.5m);

        Assert.Equal(0.331666335m, tolerance.Low.Amount);
        Assert.Equal(0.334999665m, tolerance.High.Amount);
    }

    [Fact]
    public void RefusesToCompareAnAmountInAnotherUnit()
    {
        var ex = Assert.Throws<DomainException>(() => Tolerance.Accepts(new Quantity(100000, "g")));

        Assert.Equal("100000 g cannot be checked against a target of 100 kg: weigh it in kg.", ex.Message);
    }

    [Theory]
    [InlineData(-1, 0, "The tolerance below target must be from 0 to 100 % (got -1).")]
    [InlineData(0, 100.5, "The tolerance above target must be from 0 to 100 % (got 100.5).")]
    public void RefusesAPercentOutsideZeroToHundred(double below, double above, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => new DispenseTolerance(KgOf(1), (decimal)below, (decimal)above));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void RefusesATargetOfZero()
    {
        var ex = Assert.Throws<DomainException>(() => new DispenseTolerance(KgOf(0), 1, 1));

        Assert.Equal("A dispense target must be more than zero.", ex.Message);
    }
}
