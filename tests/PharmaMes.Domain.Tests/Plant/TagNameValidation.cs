using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class TagNameValidation
{
    [Theory]
    [InlineData("temperature")]
    [InlineData("ph")]
    [InlineData("compression_force")]
    [InlineData("zone2_temp")]
    [InlineData("t")]
    public void AcceptsLowerCaseLettersDigitsAndUnderscores(string value)
    {
        var name = new TagName(value);

        Assert.Equal(value, name.Value);
        Assert.Equal(value, name.ToString());
    }

    [Fact]
    public void TrimsSurroundingSpaces()
    {
        Assert.Equal("ph", new TagName(" ph ").Value);
    }

    [Theory]
    [InlineData("Temperature")]
    [InlineData("PH")]
    [InlineData("2nd_temp")]
    [InlineData("_temp")]
    [InlineData("compression-force")]
    [InlineData("compression force")]
    [InlineData("zone.temp")]
    [InlineData("zone/temp")]
    public void RefusesAnythingButLowerCaseLettersDigitsAndUnderscoresStartingWithALetter(string value)
    {
        var ex = Assert.Throws<DomainException>(() => new TagName(value));

        Assert.Equal(
            $"The tag name '{value}' may hold only lower-case letters, digits and '_', and must start with a letter.",
            ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void RefusesAnEmptyName(string? value)
    {
        var ex = Assert.Throws<DomainException>(() => new TagName(value!));

        Assert.Equal("A tag name is required.", ex.Message);
    }

    [Fact]
    public void AcceptsFortyCharacters()
    {
        var value = new string('a', TagName.MaxLength);

        Assert.Equal(value, new TagName(value).Value);
    }

    [Fact]
    public void RefusesMoreThanFortyCharacters()
    {
        var ex = Assert.Throws<DomainException>(() => new TagName(new string('a', 41)));

        Assert.Equal("A tag name must be at most 40 characters (got 41).", ex.Message);
    }
}
