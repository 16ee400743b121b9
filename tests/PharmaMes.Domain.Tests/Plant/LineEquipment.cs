using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class LineEquipment
{
    private static readonly DateTimeOffset T0 = TestPlant.Commissioned;

    [Fact]
    public void AddsEquipmentThatBelongsToIt()
    {
        var line = TestPlant.NewLine();

        var press = line.AddEquipment(new PlantCode("press-01"), " Tablet press 1 ", EquipmentClass.TabletPress, T0);

        Assert.Equal(line.Id, press.LineId);
        Assert.Equal(new PlantCode("PRESS-01"), press.Code);
        Assert.Equal("Tablet press 1", press.Name);
        Assert.Equal(EquipmentClass.TabletPress, press.Class);
        Assert.Equal(EquipmentState.Offline, press.State);
        Assert.Equal(T0, press.StateSince);
        Assert.Same(press, Assert.Single(line.Equipment));
    }

    [Theory]
    [InlineData("GRAN-01")]
    [InlineData("gran-01")]
    public void RefusesSecondEquipmentWithTheSameCode(string code)
    {
        var line = TestPlant.NewLine();
        line.AddEquipment(new PlantCode("GRAN-01"), "Granulator 1", EquipmentClass.HighShearGranulator, T0);

        var ex = Assert.Throws<DomainException>(() =>
            line.AddEquipment(new PlantCode(code), "Fluid bed dryer", EquipmentClass.FluidBedDryer, T0));

        Assert.Equal("Line LINE-1 already has equipment GRAN-01.", ex.Message);
        Assert.Single(line.Equipment);
    }

    [Fact]
    public void RefusesEquipmentWithoutAName()
    {
        var line = TestPlant.NewLine();

        var ex = Assert.Throws<DomainException>(() =>
            line.AddEquipment(new PlantCode("GRAN-01"), "", EquipmentClass.HighShearGranulator, T0));

        Assert.Equal("An equipment name is required.", ex.Message);
        Assert.Empty(line.Equipment);
    }

    [Fact]
    public void RefusesAnEquipmentNameOverOneHundredCharacters()
    {
        var line = TestPlant.NewLine();

        var ex = Assert.Throws<DomainException>(() =>
            line.AddEquipment(new PlantCode("GRAN-01"), new string('n', 101), EquipmentClass.HighShearGranulator, T0));

        Assert.Equal("An equipment name must be at most 100 characters (got 101).", ex.Message);
    }
}
