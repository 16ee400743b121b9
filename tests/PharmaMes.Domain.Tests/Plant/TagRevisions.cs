using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class TagRevisions
{
    private static (Equipment Equipment, TagDefinition Tag) Temperature()
    {
        var equipment = TestPlant.NewEquipment();
        var tag = equipment.DefineTag(new TagName("temperature"), "Product temperature", new UnitOfMeasure("°C"), new ValueRange(20, 25), new ValueRange(15, 30));
        return (equipment, tag);
    }

    [Fact]
    public void ChangesDescriptionUnitAndRanges()
    {
        var (_, tag) = Temperature();

        tag.Revise("Bed temperature", new UnitOfMeasure("K"), new ValueRange(293, 298), new ValueRange(288, 303));

        Assert.Equal("Bed temperature", tag.Description);
        Assert.Equal("K", tag.Unit.Symbol);
        Assert.Equal(new ValueRange(293, 298), tag.NormalRange);
        Assert.Equal(new ValueRange(288, 303), tag.AlarmLimits);
        Assert.Equal("temperature", tag.Name.Value);
    }

    [Theory]
    [InlineData(21, 30)]
    [InlineData(15, 24)]
    public void RefusesAlarmLimitsThatDoNotEncloseTheNormalRangeAndKeepsTheOldOnes(double alarmLow, double alarmHigh)
    {
        var (_, tag) = Temperature();

        var refused = Assert.Throws<DomainException>(() =>
            tag.Revise("Bed temperature", new UnitOfMeasure("°C"), new ValueRange(20, 25), new ValueRange(alarmLow, alarmHigh)));

        Assert.Contains("must enclose its normal range", refused.Message);
        Assert.Equal("Product temperature", tag.Description);
        Assert.Equal(new ValueRange(15, 30), tag.AlarmLimits);
    }

    [Fact]
    public void ANewTagIsRefusedByTheSameRule()
    {
        var equipment = TestPlant.NewEquipment();

        var refused = Assert.Throws<DomainException>(() =>
            equipment.DefineTag(new TagName("ph"), "pH", new UnitOfMeasure("pH"), new ValueRange(6, 8), new ValueRange(6.5, 9)));

        Assert.Contains("must enclose its normal range", refused.Message);
        Assert.Empty(equipment.Tags);
    }
}
