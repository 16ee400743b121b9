using System.Globalization;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Tests.Common;

public class QuantityAmounts
{
    private static readonly UnitOfMeasure Kg = new("kg");
    private static readonly UnitOfMeasure G = new("g");

    [Fact]
    public void HoldsItsAmountAndUnit()
    {
        var quantity = new Quantity(12.5m, Kg);

        Assert.Equal(12.5m, quantity.Amount);
        Assert.Equal(Kg, quantity.Unit);
    }

    [Fact]
    public void AcceptsZero()
    {
        Assert.Equal(0m, new Quantity(0m, Kg).Amount);
    }

    [Fact]
    public void ZeroIsNothingInTheGivenUnit()
    {
        Assert.Equal(new Quantity(0m, G), Quantity.Zero(G));
    }

    [Fact]
    public void BuildsTheUnitFromItsSymbol()
    {
        var quantity = new Quantity(3m, "kg");

        Assert.Equal(new Quantity(3m, Kg), quantity);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.001")]
    public void RefusesANegativeAmount(string amount)
    {
        var ex = Assert.Throws<DomainException>(() => new Quantity(decimal.Parse(amount, CultureInfo.InvariantCulture), Kg));

        Assert.StartsWith("A quantity cannot be negative", ex.Message);
    }

    [Fact]
    public void RefusesAMissingUnit()
    {
        var ex = Assert.Throws<DomainException>(() => new Quantity(1m, default(UnitOfMeasure)));

        Assert.Equal("A quantity needs a unit of measure.", ex.Message);
    }

    [Fact]
    public void RefusesAnEmptyUnitSymbol()
    {
        var ex = Assert.Throws<DomainException>(() => new Quantity(1m, " "));

        Assert.Equal("A unit of measure is required.", ex.Message);
    }

    [Fact]
    public void AddsAmountsInTheSameUnit()
    {
        var sum = new Quantity(1.5m, Kg).Add(new Quantity(2.25m, Kg));

        Assert.Equal(new Quantity(3.75m, Kg), sum);
    }

    [Fact]
    public void RefusesToAddDifferentUnits()
    {
        var ex = Assert.Throws<DomainException>(() => new Quantity(1m, Kg).Add(new Quantity(500m, G)));

        Assert.Equal("Quantities in kg and g cannot be combined.", ex.Message);
    }

    [Fact]
    public void SubtractsAmountsInTheSameUnit()
    {
        var rest = new Quantity(10m, Kg).Subtract(new Quantity(2.5m, Kg));

        Assert.Equal(new Quantity(7.5m, Kg), rest);
    }

    [Fact]
    public void SubtractingEverythingLeavesZero()
    {
        var rest = new Quantity(4m, Kg).Subtract(new Quantity(4m, Kg));

        Assert.Equal(Quantity.Zero(Kg), rest);
    }

    [Fact]
    public void RefusesToSubtractMoreThanAvailable()
    {
        var ex = Assert.Throws<DomainException>(() => new Quantity(2m, Kg).Subtract(new Quantity(3m, Kg)));

        Assert.Equal("Cannot take 3 kg from 2 kg: not enough.", ex.Message);
    }

    [Fact]
    public void RefusesToSubtractDifferentUnits()
    {
        // 5 g is less than 1 kg, yet the units are refused rather than converted.
        var ex = Assert.Throws<DomainException>(() => new Quantity(1m, Kg).Subtract(new Quantity(5m, G)));

        Assert.Equal("Quantities in kg and g cannot be combined.", ex.Message);
    }

    [Theory]
    [InlineData(1, 2, true)]
    [InlineData(2, 2, false)]
    [InlineData(3, 2, false)]
    public void ComparesAmountsInTheSameUnit(int amount, int other, bool expected)
    {
        Assert.Equal(expected, new Quantity(amount, Kg).IsLessThan(new Quantity(other, Kg)));
    }

    [Fact]
    public void RefusesToCompareDifferentUnits()
    {
        var ex = Assert.Throws<DomainException>(() => new Quantity(1m, Kg).IsLessThan(new Quantity(2000m, G)));

        Assert.Equal("Quantities in kg and g cannot be combined.", ex.Message);
    }

    [Theory]
    [InlineData("12", "kg", "12 kg")]
    [InlineData("0", "g", "0 g")]
    [InlineData("1.50", "kg", "1.5 kg")]
    [InlineData("0.125", "L", "0.125 L")]
    [InlineData("2.1234", "kg", "2.123 kg")]
    [InlineData("250", "tablets", "250 tablets")]
    public void PrintsTheAmountWithAtMostThreeDecimalsAndTheUnit(string amount, string unit, string expected)
    {
        var quantity = new Quantity(decimal.Parse(amount, CultureInfo.InvariantCulture), unit);

        Assert.Equal(expected, quantity.ToString());
    }
}
