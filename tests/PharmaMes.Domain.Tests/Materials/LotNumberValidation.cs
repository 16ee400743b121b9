using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Domain.Tests.Materials;

public class LotNumberValidation
{
    [Theory]
    [InlineData("l-2026-001", "L-2026-001")]
    [InlineData("2026/11/0042", "2026/11/0042")]
    [InlineData("sup_lot.7", "SUP_LOT.7")]
    [InlineData("  b123 ", "B123")]
    public void StoresTheNumberUpperCase(string value, string expected)
    {
        var number = new LotNumber(value);

        Assert.Equal(expected, number.Value);
        Assert.Equal(expected, number.ToString());
    }

    [Fact]
    public void NumbersDifferingOnlyInCaseAreEqual()
    {
        Assert.Equal(new LotNumber("l-2026-001"), new LotNumber("L-2026-001"));
    }

    [Theory]
    [InlineData("L 2026")]
    [InlineData("L#2026")]
    [InlineData("L+2026")]
    [InlineData("L*2026")]
    [InlineData("L:2026")]
    [InlineData("/2026")]
    [InlineData("-2026")]
    [InlineData(".2026")]
    public void RefusesAnythingButLettersDigitsAndSeparatorsStartingWithALetterOrDigit(string value)
    {
        var ex = Assert.Throws<DomainException>(() => new LotNumber(value));

        Assert.Equal($"The lot number '{value}' may hold only letters, digits, '-', '_', '.' and '/'.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RefusesAnEmptyNumber(string? value)
    {
        var ex = Assert.Throws<DomainException>(() => new LotNumber(value!));

        Assert.Equal("A lot number is required.", ex.Message);
    }

    [Fact]
    public void AcceptsFortyCharacters()
    {
        var value = new string('9', LotNumber.MaxLength);

        Assert.Equal(value, new LotNumber(value).Value);
    }

    [Fact]
    public void RefusesMoreThanFortyCharacters()
    {
        var ex = Assert.Throws<DomainException>(() => new LotNumber(new string('9', 41)));

        Assert.Equal("A lot number must be at most 40 characters (got 41).", ex.Message);
    }
}
