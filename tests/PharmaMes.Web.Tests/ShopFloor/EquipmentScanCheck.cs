using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Web.ShopFloor;

namespace PharmaMes.Web.Tests.ShopFloor;

/// <summary>A unit's label scanned at the start of a step is checked against the units the step offers.</summary>
public class EquipmentScanCheck
{
    private static readonly IReadOnlyList<EquipmentChoice> Presses =
    [
        new("TP-01", "Tablet press 1", "Idle", []),
        new("TP-02", "Tablet press 2", "Idle", ["dirty since batch B-2026-0004"]),
    ];

    [Theory]
    [InlineData("TP-01")]
    [InlineData("tp-01")]
    [InlineData("(8004)TP-01")]
    [InlineData("]C18004TP-01")]
    public void ChoosesTheUnitWhoseCodeOrAssetLabelWasScanned(string scanned)
    {
        Assert.True(EquipmentScan.TryChoose(scanned, EquipmentClass.TabletPress, Presses, out var code, out var error), error);

        Assert.Equal("TP-01", code);
    }

    [Theory]
    [InlineData("GRAN-01", "GRAN-01 is not a tablet press: this step runs on a tablet press (TP-01, TP-02).")]
    [InlineData("TP-02", "TP-02 cannot be used now: dirty since batch B-2026-0004.")]
    [InlineData("(01)09506000134352(10)PVP-24-0042", "This is a container label (lot PVP-24-0042), not an equipment label: scan the label on the tablet press.")]
    [InlineData("", "Scan the label on the tablet press, or tap it below.")]
    public void SaysWhichPartDoesNotMatch(string scanned, string expected)
    {
        Assert.False(EquipmentScan.TryChoose(scanned, EquipmentClass.TabletPress, Presses, out _, out var error));

        Assert.Equal(expected, error);
    }
}
