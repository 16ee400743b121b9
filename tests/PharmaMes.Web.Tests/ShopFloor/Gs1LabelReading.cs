using PharmaMes.Web.ShopFloor;

namespace PharmaMes.Web.Tests.ShopFloor;

/// <summary>GS1 container labels as keyboard-wedge scanners send them: raw with group separators, or as printed with brackets.</summary>
public class Gs1LabelReading
{
    private const string Gs = "\u001d";

    [Theory]
    [InlineData("(01)09506000134352(10)PVP-24-0042(17)271231")]
    [InlineData("]C1010950600013435217271231" + "10PVP-24-0042")]
    [InlineData("]d2010950600013435210PVP-24-0042" + Gs + "17271231")]
    public void ReadsGtinLotAndExpiryWhicheverWayTheScannerSendsThem(string scanned)
    {
        Assert.True(Gs1Label.Looks(scanned));
        Assert.True(Gs1Label.TryParse(scanned, out var label, out var error), error);

        Assert.Equal(new Gs1Label("09506000134352", "PVP-24-0042", new DateOnly(2027, 12, 31), null), label);
    }

    [Fact]
    public void ReadsACountAfterAVariableLengthLotAndSkipsMeasuresItDoesNotUse()
    {
        Assert.True(Gs1Label.TryParse("0109506000134352" + "3103002500" + "10ABC-1" + Gs + "3012", out var label, out var error), error);

        Assert.Equal(("ABC-1", 12), (label.Lot, label.Count));
    }

    [Theory]
    [InlineData("(8004)TP-01")]
    [InlineData("]C18004TP-01")]
    public void ReadsTheAssetIdentifierOfAnEquipmentLabel(string scanned)
    {
        Assert.True(Gs1Label.Looks(scanned));
        Assert.True(Gs1Label.TryParse(scanned, out var label, out var error), error);

        Assert.Equal(("TP-01", null), (label.Asset, label.Lot));
    }

    [Fact]
    public void DayZeroIsTheLastDayOfTheMonth()
    {
        Assert.True(Gs1Label.TryParse("(10)X(17)270200", out var label, out _));

        Assert.Equal(new DateOnly(2027, 2, 28), label.Expiry);
    }

    [Theory]
    [InlineData("(01)09506000134353(10)X", "check digit")]
    [InlineData("(10)X(17)271340", "expiry (17)")]
    [InlineData("(10)(17)271231", "lot (10)")]
    [InlineData("(30)lots(10)X", "count (30)")]
    public void SaysWhichPartOfTheLabelIsWrong(string scanned, string part)
    {
        Assert.False(Gs1Label.TryParse(scanned, out _, out var error));

        Assert.Contains(part, error);
    }

    [Theory]
    [InlineData("PVP-24-0042")]
    [InlineData("PARA-24-0117")]
    [InlineData("0123")]
    public void APlainLotNumberIsNotALabel(string typed) => Assert.False(Gs1Label.Looks(typed));
}
