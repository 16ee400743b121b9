using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Domain.Tests.Materials;

public class MaterialCodeValidation
{
    [Theory]
    [InlineData("api-para", "API-PARA")]
    [InlineData("100045", "100045")]
    [InlineData("Exc_MCC.102", "EXC_MCC.102")]
    [InlineData("  pkg-blister ", "PKG-BLISTER")]
    public void StoresTheCodeUpperCase(string value, string expected)
    {
        var code = new MaterialCode(value);

        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
    }

    [Fact]
    public void CodesDifferingOnlyInCaseAreEqual()
    {
        Assert.Equal(new MaterialCode("api-para"), new MaterialCode("API-PARA"));
    }

    [Theory]
    [InlineData("API PARA")]
    [InlineData("API/PARA")]
    [InlineData("API+PARA")]
    [InlineData("API#PARA")]
    [InlineData("API,PARA")]
    [InlineData("-API")]
    [InlineData(".API")]
    [InlineData("_API")]
    public void RefusesAnythingButLettersDigitsDashesUnderscoresAndDotsStartingWithALetterOrDigit(string value)
    {
        var ex = Assert.Throws<DomainException>(() => new MaterialCode(value));

        Assert.Equal($"The material code '{value}' may hold only letters, digits, '-', '_' and '.'.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RefusesAnEmptyCode(string? value)
    {
        var ex = Assert.Throws<DomainException>(() => new MaterialCode(value!));

        Assert.Equal("A material code is required.", ex.Message);
    }

    [Fact]
    public void AcceptsFortyCharacters()
    {
        var value = new string('A', MaterialCode.MaxLength);

        Assert.Equal(value, new MaterialCode(value).Value);
    }

    [Fact]
    public void RefusesMoreThanFortyCharacters()
    {
        var ex = Assert.Throws<DomainException>(() => new MaterialCode(new string('A', 41)));

        Assert.Equal("A material code must be at most 40 characters (got 41).", ex.Message);
    }
}
