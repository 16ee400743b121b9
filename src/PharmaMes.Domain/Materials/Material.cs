using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Materials;

/// <summary>
/// The material master: what a material is, the unit it is counted in, and the stock levels
/// that tell planners to reorder (reorder point) and that must never be consumed (safety stock),
/// and how long and under what conditions it keeps (shelf life, storage condition).
/// </summary>
public class Material
{
    public const int NameMaxLength = 120;
    public const int StorageConditionMaxLength = 120;

    public Guid Id { get; private set; }
    public MaterialCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public MaterialType Type { get; private set; }
    public UnitOfMeasure Unit { get; private set; }
    public decimal ReorderPoint { get; private set; }
    public decimal SafetyStock { get; private set; }

    /// <summary>Days a lot keeps from manufacture; none when the ERP or QA has not set one.</summary>
    public int? ShelfLifeDays { get; private set; }

    /// <summary>How the material is stored, as printed on labels, e.g. "15–25 °C, dry".</summary>
    public string? StorageCondition { get; private set; }

    protected Material() { }

    public Material(MaterialCode code, string name, MaterialType type, UnitOfMeasure unit, decimal reorderPoint, decimal safetyStock)
    {
        Id = Ids.New();
        Code = code;
        Unit = unit;
        Rename(name);
        Type = type;
        SetStockLevels(reorderPoint, safetyStock);
    }

    /// <summary>
    /// Takes the master data the ERP (or a planner) holds for this material. The unit may change only
    /// while the material has no lots: ledger entries are counted in the unit they were recorded in,
    /// and a plant never converts stock silently.
    /// </summary>
    public void UpdateMasterData(string name, MaterialType type, UnitOfMeasure unit, decimal reorderPoint, decimal safetyStock, bool hasLots)
    {
        var checkedName = Guard.Text(name, "A material name", NameMaxLength);
        if (unit.Symbol is null)
            throw new DomainException($"The unit of {Code} is required.");
        if (unit != Unit && hasLots)
            throw new DomainException($"The unit of {Code} cannot change from {Unit} to {unit}: it has lots counted in {Unit}.");
        var previousUnit = Unit;
        Unit = unit;
        try
        {
            SetStockLevels(reorderPoint, safetyStock);
        }
        catch (DomainException)
        {
            // A refused change leaves the material as it was.
            Unit = previousUnit;
            throw;
        }
        Name = checkedName;
        Type = type;
    }

    public void Rename(string name) => Name = Guard.Text(name, "A material name", NameMaxLength);

    public void SetStockLevels(decimal reorderPoint, decimal safetyStock)
    {
        Guard.NotNegative(reorderPoint, "The reorder point");
        Guard.NotNegative(safetyStock, "The safety stock");
        if (safetyStock > reorderPoint)
            throw new DomainException(
                $"The safety stock ({safetyStock} {Unit}) of {Code} cannot be above its reorder point ({reorderPoint} {Unit}).");
        ReorderPoint = reorderPoint;
        SafetyStock = safetyStock;
    }

    /// <summary>Sets or clears the shelf life and storage condition; a refused value changes neither.</summary>
    public void SetShelfLifeAndStorage(int? shelfLifeDays, string? storageCondition)
    {
        if (shelfLifeDays is <= 0)
            throw new DomainException($"The shelf life of {Code} must be at least one day (got {shelfLifeDays}), or none.");
        var condition = Guard.OptionalText(storageCondition, $"The storage condition of {Code}", StorageConditionMaxLength);
        ShelfLifeDays = shelfLifeDays;
        StorageCondition = condition;
    }

    public Quantity QuantityOf(decimal amount) => new(amount, Unit);
}
