using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Tests.Common;

public class UnitOfMeasureSymbols
{
    [Theory]
    [InlineData("kg")]
    [InlineData("°C")]
    [InlineData("%")]
    [InlineData("kN")]
    [InlineData("tablets/min")]
    public void KeepsTheSymbolAsWritten(string symbol)
    {
        var unit = new UnitOfMeasure(symbol);

        Assert.Equal(symbol, unit.Symbol);
        Assert.Equal(symbol, unit.ToString());
    }

    [Fact]
    public void TrimsSurroundingSpaces()
    {
        Assert.Equal("rpm", new UnitOfMeasure("  rpm ").Symbol);
    }

    [Fact]
    public void UnitsWithTheSameSymbolAreEqual()
    {
        Assert.Equal(new UnitOfMeasure("kg"), new UnitOfMeasure(" kg"));
    }

    [Fact]
    public void SymbolsDifferingInCaseAreDifferentUnits()
    {
        // mL and ML (megalitre) are not the same unit.
        Assert.NotEqual(new UnitOfMeasure("mL"), new UnitOfMeasure("ML"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAnEmptySymbol(string? symbol)
    {
        var ex = Assert.Throws<DomainException>(() => new UnitOfMeasure(symbol!));

        Assert.Equal("A unit of measure is required.", ex.Message);
    }

    [Fact]
    public void AcceptsSixteenCharacters()
    {
        var symbol = new string('x', UnitOfMeasure.MaxLength);

        Assert.Equal(16, new UnitOfMeasure(symbol).Symbol.Length);
    }

    [Fact]
    public void RefusesMoreThanSixteenCharacters()
    {
        var ex = Assert.Throws<DomainException>(() => new UnitOfMeasure(new string('x', 17)));

        Assert.Equal("A unit of measure must be at most 16 characters (got 17).", ex.Message);
    }
}
