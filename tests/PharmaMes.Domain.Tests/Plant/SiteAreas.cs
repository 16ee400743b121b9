using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class SiteAreas
{
    [Fact]
    public void HoldsItsCodeAndTrimmedName()
    {
        var site = new Site(new PlantCode("bsl"), "  Basel ");

        Assert.Equal(new PlantCode("BSL"), site.Code);
        Assert.Equal("Basel", site.Name);
        Assert.Empty(site.Areas);
    }

    [Fact]
    public void RefusesAnEmptyName()
    {
        var ex = Assert.Throws<DomainException>(() => new Site(new PlantCode("BSL"), " "));

        Assert.Equal("A site name is required.", ex.Message);
    }

    [Fact]
    public void RefusesANameOverOneHundredCharacters()
    {
        var ex = Assert.Throws<DomainException>(() => new Site(new PlantCode("BSL"), new string('n', 101)));

        Assert.Equal("A site name must be at most 100 characters (got 101).", ex.Message);
    }

    [Fact]
    public void AddsAreasThatBelongToIt()
    {
        var site = TestPlant.NewSite();

        var osd = site.AddArea(new PlantCode("OSD"), "Oral solid dose");
        var bio = site.AddArea(new PlantCode("BIO"), "Biologics");

        Assert.Equal(site.Id, osd.SiteId);
        Assert.Equal(site.Id, bio.SiteId);
        Assert.Equal(new PlantCode("OSD"), osd.Code);
        Assert.Equal("Oral solid dose", osd.Name);
        Assert.Equal([osd, bio], site.Areas);
    }

    [Theory]
    [InlineData("OSD")]
    [InlineData("osd")]
    public void RefusesASecondAreaWithTheSameCode(string code)
    {
        var site = TestPlant.NewSite();
        site.AddArea(new PlantCode("OSD"), "Oral solid dose");

        var ex = Assert.Throws<DomainException>(() => site.AddArea(new PlantCode(code), "Another"));

        Assert.Equal("Site BSL already has an area OSD.", ex.Message);
        Assert.Single(site.Areas);
    }

    [Fact]
    public void RefusesAnAreaWithoutAName()
    {
        var site = TestPlant.NewSite();

        var ex = Assert.Throws<DomainException>(() => site.AddArea(new PlantCode("OSD"), ""));

        Assert.Equal("An area name is required.", ex.Message);
        Assert.Empty(site.Areas);
    }
}
