using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Tests.Common;

public class ValueRangeBounds
{
    [Fact]
    public void HoldsItsLowAndHighEnds()
    {
        var range = new ValueRange(20.5, 25);

        Assert.Equal(20.5, range.Low);
        Assert.Equal(25, range.High);
    }

    [Fact]
    public void AcceptsASinglePoint()
    {
        var range = new ValueRange(7, 7);

        Assert.True(range.Contains(7));
        Assert.False(range.Contains(7.0001));
    }

    [Fact]
    public void AcceptsNegativeEnds()
    {
        var range = new ValueRange(-80, -60);

        Assert.True(range.Contains(-70));
        Assert.False(range.Contains(-50));
    }

    [Fact]
    public void RefusesALowEndAboveTheHighEnd()
    {
        var ex = Assert.Throws<DomainException>(() => new ValueRange(5, 4));

        Assert.Equal("The low end of a range (5) must not be above its high end (4).", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RefusesANonFiniteLowEnd(double low)
    {
        var ex = Assert.Throws<DomainException>(() => new ValueRange(low, 10));

        Assert.Equal("The low end of a range must be a finite number.", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RefusesANonFiniteHighEnd(double high)
    {
        var ex = Assert.Throws<DomainException>(() => new ValueRange(0, high));

        Assert.Equal("The high end of a range must be a finite number.", ex.Message);
    }

    [Theory]
    [InlineData(19.999, false)]
    [InlineData(20, true)]
    [InlineData(22.5, true)]
    [InlineData(25, true)]
    [InlineData(25.001, false)]
    [InlineData(-22.5, false)]
    public void ContainsValuesBetweenItsEndsInclusive(double value, bool expected)
    {
        Assert.Equal(expected, new ValueRange(20, 25).Contains(value));
    }

    [Fact]
    public void DoesNotContainNaN()
    {
        Assert.False(new ValueRange(20, 25).Contains(double.NaN));
    }

    [Theory]
    [InlineData(10, 30, true)]
    [InlineData(15, 25, true)]
    [InlineData(10, 10, true)]
    [InlineData(30, 30, true)]
    [InlineData(9.9, 25, false)]
    [InlineData(15, 30.1, false)]
    [InlineData(5, 35, false)]
    [InlineData(31, 40, false)]
    public void ContainsRangesWithinItsEndsInclusive(double innerLow, double innerHigh, bool expected)
    {
        var outer = new ValueRange(10, 30);

        Assert.Equal(expected, outer.Contains(new ValueRange(innerLow, innerHigh)));
    }

    [Fact]
    public void PrintsBothEnds()
    {
        Assert.Equal("20.5 – 25", new ValueRange(20.5, 25).ToString());
    }
}
