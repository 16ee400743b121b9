using PharmaMes.Web.Components.Pages.Inventory;

namespace PharmaMes.Web.Tests.Inventory;

/// <summary>A GS1 container label scanned into the lot field of a goods receipt fills what it carries.</summary>
public class ContainerLabelAtReceipt
{
    [Fact]
    public void TheLotAndExpiryComeFromTheLabelAndTheCountIsNotTakenForKilograms()
    {
        var receipt = new ReceiveLotForm { LotNumber = "(01)09506000134352(10)PARA-26-0777(17)280630(37)4" };

        Assert.True(receipt.TryTakeLabel("kg", out var note, out var wrong));

        Assert.False(wrong);
        Assert.Equal(("PARA-26-0777", new DateOnly(2028, 6, 30), (decimal?)null), (receipt.LotNumber, receipt.ExpiryDate, receipt.Quantity));
        Assert.Equal("Label read: lot PARA-26-0777, expiry 2028-06-30, GTIN 09506000134352. Check it against the delivery note.", note);
    }

    [Fact]
    public void TheCountIsTheQuantityOfAMaterialCountedInPieces()
    {
        var receipt = new ReceiveLotForm { LotNumber = "(10)CART-26-0100(30)2500" };

        Assert.True(receipt.TryTakeLabel("pcs", out _, out _));

        Assert.Equal(2500m, receipt.Quantity);
    }

    [Theory]
    [InlineData("(01)09506000134352(17)280630", "no lot (10)")]
    [InlineData("(10)X(17)281340", "expiry (17)")]
    public void AWrongLabelSaysWhichPartAndChangesNothing(string scanned, string part)
    {
        var receipt = new ReceiveLotForm { LotNumber = scanned };

        Assert.True(receipt.TryTakeLabel("kg", out var note, out var wrong));

        Assert.True(wrong);
        Assert.Contains(part, note);
        Assert.Equal(scanned, receipt.LotNumber);
        Assert.Null(receipt.ExpiryDate);
    }

    [Fact]
    public void ATypedLotIsNotALabel()
    {
        var receipt = new ReceiveLotForm { LotNumber = "PARA-26-0777" };

        Assert.False(receipt.TryTakeLabel("kg", out var note, out _));

        Assert.Null(note);
    }
}
