using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Domain.Tests.Materials;

public class MaterialStockLevels
{
    private static readonly UnitOfMeasure Kg = TestMaterials.Kg;
    private static readonly MaterialCode Code = new("API-PARA");

    [Fact]
    public void HoldsItsMasterData()
    {
        var material = new Material(Code, " Paracetamol ", MaterialType.RawMaterial, Kg, 100m, 20m);

        Assert.NotEqual(Guid.Empty, material.Id);
        Assert.Equal(Code, material.Code);
        Assert.Equal("Paracetamol", material.Name);
        Assert.Equal(MaterialType.RawMaterial, material.Type);
        Assert.Equal(Kg, material.Unit);
        Assert.Equal(100m, material.ReorderPoint);
        Assert.Equal(20m, material.SafetyStock);
    }

    [Fact]
    public void RefusesSafetyStockAboveTheReorderPoint()
    {
        var ex = Assert.Throws<DomainException>(() => new Material(Code, "Paracetamol", MaterialType.RawMaterial, Kg, 20m, 30m));

        Assert.Equal("The safety stock (30 kg) of API-PARA cannot be above its reorder point (20 kg).", ex.Message);
    }

    [Fact]
    public void AcceptsSafetyStockEqualToTheReorderPoint()
    {
        var material = new Material(Code, "Paracetamol", MaterialType.RawMaterial, Kg, 50m, 50m);

        Assert.Equal(50m, material.SafetyStock);
    }

    [Fact]
    public void AcceptsNoStockLevels()
    {
        var material = new Material(Code, "Paracetamol", MaterialType.RawMaterial, Kg, 0m, 0m);

        Assert.Equal(0m, material.ReorderPoint);
        Assert.Equal(0m, material.SafetyStock);
    }

    [Fact]
    public void RefusesANegativeReorderPoint()
    {
        var ex = Assert.Throws<DomainException>(() => new Material(Code, "Paracetamol", MaterialType.RawMaterial, Kg, -1m, 0m));

        Assert.Equal("The reorder point cannot be negative (got -1).", ex.Message);
    }

    [Fact]
    public void RefusesANegativeSafetyStock()
    {
        var ex = Assert.Throws<DomainException>(() => new Material(Code, "Paracetamol", MaterialType.RawMaterial, Kg, 10m, -1m));

        Assert.Equal("The safety stock cannot be negative (got -1).", ex.Message);
    }

    [Fact]
    public void ChangesItsStockLevels()
    {
        var material = TestMaterials.Paracetamol();

        material.SetStockLevels(250m, 75m);

        Assert.Equal(250m, material.ReorderPoint);
        Assert.Equal(75m, material.SafetyStock);
    }

    [Fact]
    public void KeepsItsStockLevelsWhenNewOnesAreRefused()
    {
        var material = TestMaterials.Paracetamol();

        Assert.Throws<DomainException>(() => material.SetStockLevels(10m, 11m));

        Assert.Equal(100m, material.ReorderPoint);
        Assert.Equal(20m, material.SafetyStock);
    }

    [Fact]
    public void RenamesWithATrimmedName()
    {
        var material = TestMaterials.Paracetamol();

        material.Rename("  Paracetamol Ph. Eur. ");

        Assert.Equal("Paracetamol Ph. Eur.", material.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAnEmptyName(string? name)
    {
        var material = TestMaterials.Paracetamol();

        var ex = Assert.Throws<DomainException>(() => material.Rename(name!));

        Assert.Equal("A material name is required.", ex.Message);
        Assert.Equal("Paracetamol", material.Name);
    }

    [Fact]
    public void RefusesANameOverOneHundredTwentyCharacters()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Material(Code, new string('n', 121), MaterialType.RawMaterial, Kg, 10m, 0m));

        Assert.Equal("A material name must be at most 120 characters (got 121).", ex.Message);
    }

    [Fact]
    public void CountsQuantitiesInItsUnit()
    {
        Assert.Equal(new Quantity(12.5m, Kg), TestMaterials.Paracetamol().QuantityOf(12.5m));
    }
}
