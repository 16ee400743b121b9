using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;

namespace PharmaMes.Domain.Tests.Production;

public class LimitChecks
{
    private static readonly ValueRange Limits = new(10, 14);

    [Theory]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(14)]
    public void AValueOnOrBetweenTheLimitsIsWithinThem(double value)
    {
        Assert.Equal(EntryResult.WithinLimits, LimitCheck.Check(value, Limits));
    }

    [Theory]
    [InlineData(9.999)]
    [InlineData(14.001)]
    [InlineData(-12)]
    [InlineData(1e12)]
    public void AValueBelowOrAboveTheLimitsIsOutOfThem(double value)
    {
        Assert.Equal(EntryResult.OutOfLimits, LimitCheck.Check(value, Limits));
    }

    [Fact]
    public void ASinglePointLimitAcceptsOnlyThatValue()
    {
        var limits = new ValueRange(7, 7);

        Assert.Equal(EntryResult.WithinLimits, LimitCheck.Check(7, limits));
        Assert.Equal(EntryResult.OutOfLimits, LimitCheck.Check(7.0000001, limits));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RefusesANonFiniteValue(double value)
    {
        var ex = Assert.Throws<DomainException>(() => LimitCheck.Check(value, Limits));

        Assert.Equal("A recorded value must be a finite number.", ex.Message);
    }
}
