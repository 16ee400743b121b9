using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Tests.Signatures;

public class SignedContentHashing
{
    [Fact]
    public void WritesEachValueWithTheLengthsOfNameAndValue()
    {
        var content = new SignedContent().Add("Batch", "B-1").Add("Step", 3);

        Assert.Equal("5:Batch=3:B-1\n4:Step=1:3\n", content.Text);
    }

    [Fact]
    public void TheHashIsTheLowerCaseHexSha256OfTheText()
    {
        var hash = new SignedContent().Add("a", "b").Hash();

        Assert.Equal(64, hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, new SignedContent().Add("a", "b").Hash());
    }

    [Fact]
    public void MovingCharactersBetweenNamesAndValuesChangesTheHash()
    {
        var one = new SignedContent().Add("ab", "c").Hash();
        var other = new SignedContent().Add("a", "bc").Hash();
        var split = new SignedContent().Add("a", "b").Add("c", "").Hash();

        Assert.NotEqual(one, other);
        Assert.NotEqual(one, split);
    }

    [Fact]
    public void ANullValueIsAnEmptyValueButStillCounts()
    {
        Assert.Equal("4:Note=0:\n", new SignedContent().Add("Note", null).Text);
        Assert.NotEqual(new SignedContent().Hash(), new SignedContent().Add("Note", null).Hash());
    }

    [Fact]
    public void NumbersAreWrittenTheSameInEveryCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("12,5", 12.5.ToString(System.Globalization.CultureInfo.CurrentCulture));
            Assert.Equal("5:Value=4:12.5\n", new SignedContent().Add("Value", 12.5).Text);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void TimesAreTheSameInstantWhateverTheOffset()
    {
        var utc = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var basel = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new SignedContent().Add("At", utc).Hash(), new SignedContent().Add("At", basel).Hash());
        Assert.NotEqual(new SignedContent().Add("At", utc).Hash(), new SignedContent().Add("At", utc.AddTicks(1)).Hash());
    }
}
