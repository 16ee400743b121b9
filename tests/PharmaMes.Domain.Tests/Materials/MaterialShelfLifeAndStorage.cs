using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using static PharmaMes.Domain.Tests.Materials.TestMaterials;

namespace PharmaMes.Domain.Tests.Materials;

public class MaterialShelfLifeAndStorage
{
    [Fact]
    public void ANewMaterialHasNeither()
    {
        var material = Paracetamol();

        Assert.Null(material.ShelfLifeDays);
        Assert.Null(material.StorageCondition);
    }

    [Fact]
    public void TakesAShelfLifeAndATrimmedStorageCondition()
    {
        var material = Paracetamol();

        material.SetShelfLifeAndStorage(730, "  15–25 °C, dry ");

        Assert.Equal(730, material.ShelfLifeDays);
        Assert.Equal("15–25 °C, dry", material.StorageCondition);
    }

    [Fact]
    public void ClearsBothAndTakesABlankConditionAsNone()
    {
        var material = Paracetamol();
        material.SetShelfLifeAndStorage(730, "15–25 °C, dry");

        material.SetShelfLifeAndStorage(null, "   ");

        Assert.Null(material.ShelfLifeDays);
        Assert.Null(material.StorageCondition);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void RefusesAShelfLifeOfNoDaysOrLessAndKeepsTheOldValues(int days)
    {
        var material = Paracetamol();
        material.SetShelfLifeAndStorage(365, "2–8 °C");

        var ex = Assert.Throws<DomainException>(() => material.SetShelfLifeAndStorage(days, "15–25 °C"));

        Assert.Equal($"The shelf life of API-PARA must be at least one day (got {days}), or none.", ex.Message);
        Assert.Equal((365, "2–8 °C"), (material.ShelfLifeDays, material.StorageCondition));
    }

    [Fact]
    public void RefusesAStorageConditionLongerThanTheLimit()
    {
        var material = Paracetamol();

        var ex = Assert.Throws<DomainException>(() => material.SetShelfLifeAndStorage(365, new string('x', Material.StorageConditionMaxLength + 1)));

        Assert.Contains($"at most {Material.StorageConditionMaxLength} characters", ex.Message);
        Assert.Null(material.ShelfLifeDays);
    }
}
