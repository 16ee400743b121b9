using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;

namespace PharmaMes.Domain.Tests.Common;

/// <summary>A code read with TryParse is exactly the code the constructor makes, and text the constructor refuses reads as none.</summary>
public class CodeParsing
{
    public static TheoryData<string?> NotACode => [null, "", "   ", "-A1", "A 1", "A#1", "A\u00001", new string('A', 41)];

    [Theory]
    [InlineData(" api-para ", "API-PARA")]
    [InlineData("100045", "100045")]
    public void AMaterialCodeReadsAsTheConstructorMakesIt(string text, string expected)
    {
        Assert.Equal(new MaterialCode(expected), MaterialCode.TryParse(text));
    }

    [Theory]
    [InlineData(" para-26/0501 ", "PARA-26/0501")]
    public void ALotNumberReadsAsTheConstructorMakesIt(string text, string expected)
    {
        Assert.Equal(new LotNumber(expected), LotNumber.TryParse(text));
    }

    [Theory]
    [InlineData("po-2026-0001", "PO-2026-0001")]
    public void AnOrderNumberReadsAsTheConstructorMakesIt(string text, string expected)
    {
        Assert.Equal(new OrderNumber(expected), OrderNumber.TryParse(text));
    }

    [Theory]
    [InlineData(" b-2026-0042", "B-2026-0042")]
    public void ABatchNumberReadsAsTheConstructorMakesIt(string text, string expected)
    {
        Assert.Equal(new BatchNumber(expected), BatchNumber.TryParse(text));
    }

    [Theory]
    [MemberData(nameof(NotACode))]
    public void TextNoCodeCanBeReadsAsNone(string? text)
    {
        Assert.Null(MaterialCode.TryParse(text));
        Assert.Null(LotNumber.TryParse(text));
        Assert.Null(OrderNumber.TryParse(text));
        Assert.Null(BatchNumber.TryParse(text));
    }
}
