using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

public class TagRoles
{
    private static Equipment BoothWithTwoWeights()
    {
        var booth = TestPlant.NewEquipment("DISP-01");
        booth.DefineTag(new TagName("weight"), "Scale weight", new UnitOfMeasure("kg"), new ValueRange(0, 50), new ValueRange(0, 60));
        booth.DefineTag(new TagName("tare"), "Tare weight", new UnitOfMeasure("kg"), new ValueRange(0, 5), new ValueRange(0, 10));
        return booth;
    }

    [Fact]
    public void ANewTagHasNoRole()
    {
        Assert.All(BoothWithTwoWeights().Tags, t => Assert.Equal(TagRole.None, t.Role));
        Assert.Null(BoothWithTwoWeights().ScaleWeightTag);
    }

    [Fact]
    public void TheScaleWeightTagIsTheOneGivenThatRole()
    {
        var booth = BoothWithTwoWeights();

        booth.AssignTagRole(new TagName("weight"), TagRole.ScaleWeight);

        Assert.Equal("weight", booth.ScaleWeightTag?.Name.Value);
    }

    [Fact]
    public void RefusesASecondScaleWeightTag()
    {
        var booth = BoothWithTwoWeights();
        booth.AssignTagRole(new TagName("weight"), TagRole.ScaleWeight);

        var refused = Assert.Throws<DomainException>(() => booth.AssignTagRole(new TagName("tare"), TagRole.ScaleWeight));

        Assert.Contains("only one tag can be the scale weight", refused.Message);
        Assert.Equal(TagRole.None, booth.FindTag(new TagName("tare"))!.Role);
    }

    [Fact]
    public void TheScaleWeightMovesOnceTheFirstTagGivesItUp()
    {
        var booth = BoothWithTwoWeights();
        booth.AssignTagRole(new TagName("weight"), TagRole.ScaleWeight);

        booth.AssignTagRole(new TagName("weight"), TagRole.None);
        booth.AssignTagRole(new TagName("tare"), TagRole.ScaleWeight);

        Assert.Equal("tare", booth.ScaleWeightTag?.Name.Value);
    }

    [Fact]
    public void SeveralTagsMayBeCounters()
    {
        var booth = BoothWithTwoWeights();

        booth.AssignTagRole(new TagName("weight"), TagRole.Counter);
        booth.AssignTagRole(new TagName("tare"), TagRole.Counter);

        Assert.All(booth.Tags, t => Assert.Equal(TagRole.Counter, t.Role));
    }

    [Fact]
    public void RefusesARoleForAnUnknownTag()
    {
        Assert.Throws<DomainException>(() => BoothWithTwoWeights().AssignTagRole(new TagName("speed"), TagRole.Counter));
    }
}
