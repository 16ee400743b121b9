using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class PlantCodeValidation
{
    [Theory]
    [InlineData("bsl", "BSL")]
    [InlineData("Line-1", "LINE-1")]
    [InlineData("gran_01", "GRAN_01")]
    [InlineData("1st-floor", "1ST-FLOOR")]
    [InlineData("  osd  ", "OSD")]
    public void StoresTheCodeUpperCase(string value, string expected)
    {
        var code = new PlantCode(value);

        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
    }

    [Fact]
    public void CodesDifferingOnlyInCaseAreEqual()
    {
        Assert.Equal(new PlantCode("line-1"), new PlantCode("LINE-1"));
    }

    [Theory]
    [InlineData("LINE/1")]
    [InlineData("LINE+1")]
    [InlineData("LINE#1")]
    [InlineData("LINE 1")]
    [InlineData("+")]
    [InlineData("#")]
    [InlineData("LINE.1")]
    public void RefusesCharactersThatWouldBreakAnMqttTopic(string value)
    {
        var ex = Assert.Throws<DomainException>(() => new PlantCode(value));

        Assert.Equal(
            $"The plant code '{value}' may hold only letters, digits, '-' and '_', and must start with a letter or digit.",
            ex.Message);
    }

    [Theory]
    [InlineData("-LINE")]
    [InlineData("_LINE")]
    public void RefusesACodeNotStartingWithALetterOrDigit(string value)
    {
        var ex = Assert.Throws<DomainException>(() => new PlantCode(value));

        Assert.Contains("must start with a letter or digit", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAnEmptyCode(string? value)
    {
        var ex = Assert.Throws<DomainException>(() => new PlantCode(value!));

        Assert.Equal("A plant code is required.", ex.Message);
    }

    [Fact]
    public void AcceptsThirtyTwoCharacters()
    {
        var value = new string('A', PlantCode.MaxLength);

        Assert.Equal(value, new PlantCode(value).Value);
    }

    [Fact]
    public void RefusesMoreThanThirtyTwoCharacters()
    {
        var ex = Assert.Throws<DomainException>(() => new PlantCode(new string('A', 33)));

        Assert.Equal("A plant code must be at most 32 characters (got 33).", ex.Message);
    }
}
