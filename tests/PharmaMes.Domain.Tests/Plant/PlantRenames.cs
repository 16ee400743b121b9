using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class PlantRenames
{
    [Fact]
    public void RenamesEveryLevelAndKeepsItsCode()
    {
        var site = TestPlant.NewSite();
        var area = site.AddArea(new PlantCode("OSD"), "Oral solid dose");
        var line = area.AddLine(new PlantCode("LINE-1"), "Line 1");
        var equipment = line.AddEquipment(new PlantCode("GRAN-01"), "Granulator", EquipmentClass.HighShearGranulator, TestPlant.Commissioned);

        site.Rename("Basel Klybeck");
        area.Rename("Solids");
        line.Rename("Granulation 1");
        equipment.Rename("High shear granulator 1");

        Assert.Equal(("Basel Klybeck", "BSL"), (site.Name, site.Code.Value));
        Assert.Equal(("Solids", "OSD"), (area.Name, area.Code.Value));
        Assert.Equal(("Granulation 1", "LINE-1"), (line.Name, line.Code.Value));
        Assert.Equal(("High shear granulator 1", "GRAN-01"), (equipment.Name, equipment.Code.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAnEmptyName(string name)
    {
        var equipment = TestPlant.NewEquipment();
        Assert.Throws<DomainException>(() => equipment.Rename(name));
        Assert.Throws<DomainException>(() => TestPlant.NewSite().Rename(name));
        Assert.Throws<DomainException>(() => TestPlant.NewArea().Rename(name));
        Assert.Throws<DomainException>(() => TestPlant.NewLine().Rename(name));
        Assert.Equal("High shear granulator 1", equipment.Name);
    }

    [Fact]
    public void RefusesANameLongerThanTheColumn()
    {
        var line = TestPlant.NewLine();
        Assert.Throws<DomainException>(() => line.Rename(new string('x', Line.NameMaxLength + 1)));
    }
}
