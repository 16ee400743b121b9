using Bunit;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Tests.Components;

public class EquipmentCards : BunitContext
{
    private static EquipmentOverview Press(EquipmentState state, params string[] reasons) =>
        new("TP-01", "Rotary tablet press 1", EquipmentClass.TabletPress, state,
            new DateTimeOffset(2026, 11, 25, 8, 5, 0, TimeSpan.Zero), state == EquipmentState.Down ? "Punch breakage" : null,
            CleaningStatus.Clean, new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero),
            new DateOnly(2027, 1, 10), true, reasons, []);

    [Fact]
    public void AFitEquipmentSaysItIsReadyForANewBatch()
    {
        var card = Render<EquipmentCard>(ps => ps.Add(p => p.Equipment, Press(EquipmentState.Idle)));

        Assert.Equal("TP-01", card.Find(".mes-equipment-code").TextContent);
        Assert.Contains("Tablet press", card.Markup);
        Assert.Contains("Ready for a new batch", card.Find("footer").TextContent);
        Assert.Contains("mes-fit", card.Find("footer").ClassList);
    }

    [Fact]
    public void AnUnfitEquipmentListsEveryReasonAndADownOneItsFault()
    {
        var card = Render<EquipmentCard>(ps => ps.Add(p => p.Equipment, Press(EquipmentState.Down, "it is Down", "it is not clean")));

        var footer = card.Find("footer");
        Assert.Contains("mes-unfit", footer.ClassList);
        Assert.Contains("it is Down; it is not clean", footer.TextContent);
        Assert.Contains("Punch breakage", card.Markup);
        Assert.Contains("mes-equipment-down", card.Find("article").ClassList);
    }

    [Theory]
    [InlineData(EquipmentClass.HighShearGranulator, "High shear granulator")]
    [InlineData(EquipmentClass.Bioreactor, "Bioreactor")]
    [InlineData(EquipmentClass.ChromatographySkid, "Chromatography skid")]
    public void EquipmentClassesReadAsWords(EquipmentClass equipmentClass, string expected)
    {
        Assert.Equal(expected, EquipmentCard.Humanize(equipmentClass));
    }
}
