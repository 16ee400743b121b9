using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using static PharmaMes.Domain.Tests.Materials.TestMaterials;

namespace PharmaMes.Domain.Tests.Materials;

public class MaterialMasterDataUpdates
{
    [Fact]
    public void TakesNewNameTypeAndStockLevels()
    {
        var material = Paracetamol();

        material.UpdateMasterData(" Paracetamol Ph. Eur. ", MaterialType.Excipient, Kg, 150m, 40m, hasLots: true);

        Assert.Equal("Paracetamol Ph. Eur.", material.Name);
        Assert.Equal(MaterialType.Excipient, material.Type);
        Assert.Equal(Kg, material.Unit);
        Assert.Equal((150m, 40m), (material.ReorderPoint, material.SafetyStock));
    }

    [Fact]
    public void ChangesTheUnitOfAMaterialWithoutLots()
    {
        var material = Paracetamol();

        material.UpdateMasterData("Paracetamol", MaterialType.RawMaterial, G, 100_000m, 20_000m, hasLots: false);

        Assert.Equal(G, material.Unit);
        Assert.Equal(new Quantity(5m, G), material.QuantityOf(5m));
    }

    [Fact]
    public void RefusesToChangeTheUnitOfAMaterialWithLots()
    {
        var material = Paracetamol();

        var ex = Assert.Throws<DomainException>(() => material.UpdateMasterData("Paracetamol", MaterialType.RawMaterial, G, 100m, 20m, hasLots: true));

        Assert.Equal("The unit of API-PARA cannot change from kg to g: it has lots counted in kg.", ex.Message);
        Assert.Equal(Kg, material.Unit);
    }

    [Fact]
    public void ARefusedUpdateChangesNothing()
    {
        var material = Paracetamol();

        var ex = Assert.Throws<DomainException>(() => material.UpdateMasterData("Renamed", MaterialType.Excipient, G, 10m, 30m, hasLots: false));

        Assert.Equal("The safety stock (30 g) of API-PARA cannot be above its reorder point (10 g).", ex.Message);
        Assert.Equal(("Paracetamol", MaterialType.RawMaterial, Kg, 100m, 20m),
            (material.Name, material.Type, material.Unit, material.ReorderPoint, material.SafetyStock));
    }

    [Fact]
    public void RefusesAnEmptyName()
    {
        var material = Paracetamol();

        var ex = Assert.Throws<DomainException>(() => material.UpdateMasterData(" ", MaterialType.RawMaterial, Kg, 100m, 20m, hasLots: false));

        Assert.Equal("A material name is required.", ex.Message);
        Assert.Equal("Paracetamol", material.Name);
    }
}
