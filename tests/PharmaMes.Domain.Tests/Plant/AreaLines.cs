using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class AreaLines
{
    [Fact]
    public void AddsLinesThatBelongToIt()
    {
        var area = TestPlant.NewArea();

        var line = area.AddLine(new PlantCode("line-1"), " Granulation line 1 ");

        Assert.Equal(area.Id, line.AreaId);
        Assert.Equal(new PlantCode("LINE-1"), line.Code);
        Assert.Equal("Granulation line 1", line.Name);
        Assert.Same(line, Assert.Single(area.Lines));
    }

    [Theory]
    [InlineData("LINE-1")]
    [InlineData("line-1")]
    public void RefusesASecondLineWithTheSameCode(string code)
    {
        var area = TestPlant.NewArea();
        area.AddLine(new PlantCode("LINE-1"), "Granulation line 1");

        var ex = Assert.Throws<DomainException>(() => area.AddLine(new PlantCode(code), "Another"));

        Assert.Equal("Area OSD already has a line LINE-1.", ex.Message);
        Assert.Single(area.Lines);
    }

    [Fact]
    public void AllowsTheSameLineCodeInAnotherArea()
    {
        var site = TestPlant.NewSite();
        var osd = site.AddArea(new PlantCode("OSD"), "Oral solid dose");
        var bio = site.AddArea(new PlantCode("BIO"), "Biologics");

        osd.AddLine(new PlantCode("LINE-1"), "Granulation line 1");
        bio.AddLine(new PlantCode("LINE-1"), "Upstream line 1");

        Assert.Single(osd.Lines);
        Assert.Single(bio.Lines);
    }

    [Fact]
    public void RefusesALineWithoutAName()
    {
        var area = TestPlant.NewArea();

        var ex = Assert.Throws<DomainException>(() => area.AddLine(new PlantCode("LINE-1"), " "));

        Assert.Equal("A line name is required.", ex.Message);
        Assert.Empty(area.Lines);
    }
}
