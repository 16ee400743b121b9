using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class SparkplugMapping
{
    private static (Site Site, Equipment Granulator, Equipment Dryer) Plant()
    {
        var site = TestPlant.NewSite();
        var line = site.AddArea(new PlantCode("OSD"), "Oral solid dose").AddLine(new PlantCode("LINE-1"), "Granulation line 1");
        var granulator = line.AddEquipment(new PlantCode("GRAN-01"), "Granulator", EquipmentClass.HighShearGranulator, TestPlant.Commissioned);
        var dryer = line.AddEquipment(new PlantCode("FBD-01"), "Dryer", EquipmentClass.FluidBedDryer, TestPlant.Commissioned);
        return (site, granulator, dryer);
    }

    [Theory]
    [InlineData("Plant/1")]
    [InlineData("Gateway+")]
    [InlineData("#")]
    [InlineData("two words")]
    public void AnIdWithATopicCharacterIsRefused(string id)
    {
        var refused = Assert.Throws<DomainException>(() => new SparkplugAddress("Basel", id, "Granulator"));
        Assert.Contains("edge node id", refused.Message);
    }

    [Fact]
    public void AnIdLongerThan64CharactersIsRefused()
    {
        Assert.Equal(64, new SparkplugAddress("G", new string('a', 64), "D").EdgeNodeId.Length);
        Assert.Throws<DomainException>(() => new SparkplugAddress("G", new string('a', 65), "D"));
    }

    [Fact]
    public void AnAddressIsAllThreeIdsOrNone()
    {
        Assert.Null(SparkplugAddress.From("", " ", null));
        Assert.Equal("Plant_A/GW.01/Granulator-1", SparkplugAddress.From("Plant_A", "GW.01", "Granulator-1")!.ToString());
        var refused = Assert.Throws<DomainException>(() => SparkplugAddress.From("Plant_A", "", "Granulator-1"));
        Assert.Contains("all three", refused.Message);
    }

    [Fact]
    public void EquipmentKeepsTheAddressItIsGivenUntilItIsTakenAway()
    {
        var (site, granulator, _) = Plant();

        SparkplugAddressing.Assign([site], granulator, new SparkplugAddress("Plant_A", "GW-7", "Gran1"));
        Assert.Equal(new SparkplugAddress("Plant_A", "GW-7", "Gran1"), granulator.SparkplugAddress);

        SparkplugAddressing.Assign([site], granulator, null);
        Assert.Null(granulator.SparkplugAddress);
        Assert.Null(granulator.SparkplugGroupId);
    }

    [Fact]
    public void TwoEquipmentCannotClaimTheSameAddress()
    {
        var (site, granulator, dryer) = Plant();
        SparkplugAddressing.Assign([site], granulator, new SparkplugAddress("Plant_A", "GW-7", "Unit1"));

        var refused = Assert.Throws<DomainException>(() => SparkplugAddressing.Assign([site], dryer, new SparkplugAddress("plant_a", "gw-7", "UNIT1")));

        Assert.Contains("GRAN-01", refused.Message);
        Assert.Null(dryer.SparkplugAddress);
    }

    [Fact]
    public void AnAddressCannotBeAnotherEquipmentsDefaultAddress()
    {
        var (site, granulator, dryer) = Plant();

        var refused = Assert.Throws<DomainException>(() => SparkplugAddressing.Assign([site], granulator, new SparkplugAddress("BSL", "LINE-1", "FBD-01")));

        Assert.Contains("default address of equipment FBD-01", refused.Message);
        Assert.Null(granulator.SparkplugAddress);
        // Its own default address is no other equipment's.
        SparkplugAddressing.Assign([site], dryer, new SparkplugAddress("BSL", "LINE-1", "FBD-01"));
        Assert.NotNull(dryer.SparkplugAddress);
    }

    [Fact]
    public void NewEquipmentCannotTakeADefaultAddressAnotherClaims()
    {
        var (site, granulator, _) = Plant();
        SparkplugAddressing.Assign([site], granulator, new SparkplugAddress("BSL", "LINE-1", "TP-01"));

        var refused = Assert.Throws<DomainException>(() =>
            SparkplugAddressing.EnsureDefaultFree([site], new PlantCode("BSL"), new PlantCode("LINE-1"), new PlantCode("TP-01")));

        Assert.Contains("GRAN-01", refused.Message);
        SparkplugAddressing.EnsureDefaultFree([site], new PlantCode("BSL"), new PlantCode("LINE-1"), new PlantCode("TP-02"));
    }

    private static Equipment WithTags()
    {
        var equipment = TestPlant.NewEquipment();
        equipment.DefineTag(new TagName("speed"), "Impeller speed", new UnitOfMeasure("rpm"), new ValueRange(100, 300), new ValueRange(0, 400));
        equipment.DefineTag(new TagName("temperature"), "Product temperature", new UnitOfMeasure("°C"), new ValueRange(20, 40), new ValueRange(10, 50));
        return equipment;
    }

    [Fact]
    public void ATagReadsItsNameUnlessGivenAMetricName()
    {
        var equipment = WithTags();
        var speed = equipment.FindTag(new TagName("speed"))!;
        Assert.Equal("speed", speed.MetricName);

        equipment.SetTagSparkplugMetric(speed.Name, "Motor/Speed");
        Assert.Equal("Motor/Speed", speed.MetricName);

        equipment.SetTagSparkplugMetric(speed.Name, "");
        Assert.Null(speed.SparkplugMetric);
        Assert.Equal("speed", speed.MetricName);
    }

    [Theory]
    [InlineData("Motor\nSpeed", "control characters")]
    [InlineData("   ", "only spaces")]
    [InlineData("state", "equipment's state")]
    public void AMetricNameThatCannotBeOneIsRefused(string metric, string why)
    {
        var equipment = WithTags();

        var refused = Assert.Throws<DomainException>(() => equipment.SetTagSparkplugMetric(new TagName("speed"), metric));

        Assert.Contains(why, refused.Message);
        Assert.Null(equipment.FindTag(new TagName("speed"))!.SparkplugMetric);
    }

    [Fact]
    public void AMetricNameLongerThan200CharactersIsRefused()
    {
        var equipment = WithTags();
        equipment.SetTagSparkplugMetric(new TagName("speed"), new string('m', 200));
        Assert.Throws<DomainException>(() => equipment.SetTagSparkplugMetric(new TagName("speed"), new string('m', 201)));
    }

    [Fact]
    public void AMetricNamePlacesOneTagOfTheEquipment()
    {
        var equipment = WithTags();
        equipment.SetTagSparkplugMetric(new TagName("speed"), "Motor/Speed");

        var taken = Assert.Throws<DomainException>(() => equipment.SetTagSparkplugMetric(new TagName("temperature"), "Motor/Speed"));
        var otherName = Assert.Throws<DomainException>(() => equipment.SetTagSparkplugMetric(new TagName("temperature"), "speed"));
        var anotherTagsName = Assert.Throws<DomainException>(() => equipment.SetTagSparkplugMetric(new TagName("speed"), "temperature"));

        Assert.Contains("tag 'speed'", taken.Message);
        Assert.Contains("tag 'speed'", otherName.Message);
        Assert.Contains("tag 'temperature'", anotherTagsName.Message);
        Assert.Equal("Motor/Speed", equipment.FindTag(new TagName("speed"))!.SparkplugMetric);
        Assert.Null(equipment.FindTag(new TagName("temperature"))!.SparkplugMetric);
    }

    [Fact]
    public void ANewTagCannotBeNamedAfterAnotherTagsMetric()
    {
        var equipment = WithTags();
        equipment.SetTagSparkplugMetric(new TagName("speed"), "impeller");

        var refused = Assert.Throws<DomainException>(() =>
            equipment.DefineTag(new TagName("impeller"), "Impeller", new UnitOfMeasure("rpm"), new ValueRange(0, 1), new ValueRange(0, 1)));

        Assert.Contains("speed", refused.Message);
        Assert.Equal(2, equipment.Tags.Count);
    }
}
