using PharmaMes.Web.ShopFloor;

namespace PharmaMes.Web.Tests.ShopFloor;

/// <summary>The one rule for numbers typed on the shop floor, in a point terminal (en-US) and a comma terminal (de-DE).</summary>
public class NumberEntryRules
{
    [Theory]
    [InlineData("de-DE", "1,4", "1.4")]
    [InlineData("de-DE", "5,02", "5.02")]
    [InlineData("de-DE", "1400", "1400")]
    [InlineData("de-DE", "-0,5", "-0.5")]
    [InlineData("de-DE", " 61,5 ", "61.5")]
    [InlineData("en-US", "1.4", "1.4")]
    [InlineData("en-US", "330.25", "330.25")]
    [InlineData("en-US", "+7", "7")]
    [InlineData("en-US", ".5", "0.5")]
    [InlineData("de-CH", "2.5", "2.5")]
    public void ReadsTheTerminalsWayOfWritingNumbers(string culture, string typed, string expected)
    {
        Assert.True(NumberEntry.TryParse(typed, NumberFormat.TryCreate(culture)!, out var value, out var error), error);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("en-US", "1,4", "ambiguous")]
    [InlineData("en-US", "1,400", "ambiguous")]
    [InlineData("en-US", "1,400.5", "ambiguous")]
    [InlineData("de-DE", "1.4", "ambiguous")]
    [InlineData("de-DE", "1.400", "ambiguous")]
    [InlineData("de-DE", "1.400,5", "ambiguous")]
    [InlineData("en-US", "1.2.3", "not a number")]
    [InlineData("en-US", "1e3", "not a number")]
    [InlineData("en-US", "12 kg", "not a number")]
    [InlineData("en-US", "NaN", "not a number")]
    [InlineData("en-US", "", "Enter a number")]
    [InlineData("en-US", "99999999999999999999999999999999", "not a number")]
    public void RefusesWhatIsAmbiguousOrNotANumberAndSaysHowToWriteIt(string culture, string typed, string expected)
    {
        var format = NumberFormat.TryCreate(culture)!;

        Assert.False(NumberEntry.TryParse(typed, format, out var value, out var error));

        Assert.Equal(0m, value);
        Assert.Contains(expected, error);
        if (expected == "ambiguous")
            Assert.Contains($"1{format.DecimalSeparator}4", error);
    }

    [Fact]
    public void ShowsNumbersBackAsTheTerminalWritesThem()
    {
        Assert.Equal("1,4", NumberEntry.Format(1.4m, NumberFormat.Comma));
        Assert.Equal("1400", NumberEntry.Format(1400m, NumberFormat.Comma));
        Assert.Equal("1.4", NumberEntry.Format(1.4, NumberFormat.Point));
        Assert.Equal("57600", NumberEntry.Format(57600.0, NumberFormat.Point));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("de")]
    [InlineData("xx-nope")]
    [InlineData("")]
    public void OnlyACultureWithARegionIsAFormat(string? name) => Assert.Null(NumberFormat.TryCreate(name));
}
