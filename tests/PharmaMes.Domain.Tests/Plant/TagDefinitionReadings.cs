using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class TagDefinitionReadings
{
    /// <summary>Normal 20–25 °C, alarm limits 15–30 °C.</summary>
    private static TagDefinition TemperatureTag() =>
        TestPlant.NewEquipment().DefineTag(
            new TagName("temperature"), "Product temperature", new UnitOfMeasure("°C"), new ValueRange(20, 25), new ValueRange(15, 30));

    [Theory]
    [InlineData(22.5)]
    [InlineData(20)]
    [InlineData(25)]
    public void ClassifiesAValueInTheNormalRangeAsNormal(double value)
    {
        Assert.Equal(TagReading.Normal, TemperatureTag().Classify(value));
    }

    [Theory]
    [InlineData(19.99)]
    [InlineData(25.01)]
    [InlineData(15)]
    [InlineData(30)]
    public void ClassifiesAValueBetweenTheNormalRangeAndTheAlarmLimitsAsOutsideNormalRange(double value)
    {
        Assert.Equal(TagReading.OutsideNormalRange, TemperatureTag().Classify(value));
    }

    [Theory]
    [InlineData(14.99)]
    [InlineData(30.01)]
    [InlineData(-273.15)]
    [InlineData(1e9)]
    public void ClassifiesAValueBeyondTheAlarmLimitsAsOutsideAlarmLimits(double value)
    {
        Assert.Equal(TagReading.OutsideAlarmLimits, TemperatureTag().Classify(value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RefusesANonFiniteReading(double value)
    {
        var tag = TemperatureTag();

        var ex = Assert.Throws<DomainException>(() => tag.Classify(value));

        Assert.Equal("A reading of tag 'temperature' must be a finite number.", ex.Message);
    }

    [Fact]
    public void ClassifiesAgainstTheAlarmLimitsWhenTheyEqualTheNormalRange()
    {
        var tag = TestPlant.NewEquipment().DefineTag(
            new TagName("ph"), "pH", new UnitOfMeasure("pH"), new ValueRange(6.8, 7.2), new ValueRange(6.8, 7.2));

        Assert.Equal(TagReading.Normal, tag.Classify(7.2));
        Assert.Equal(TagReading.OutsideAlarmLimits, tag.Classify(7.21));
    }
}
