namespace PharmaMes.Infrastructure.Materials;

/// <summary>The retained MQTT message of one material's inventory (<c>{root}/{site}/_mes/inventory/{material}</c>).</summary>
public sealed record InventoryState(
    string Material, string Name, string Unit, InventoryState.OnHandByStatus OnHand, decimal Allocated, decimal Available,
    decimal ReorderPoint, decimal SafetyStock, decimal ConsumptionPerHour, DateTimeOffset? ProjectedStockOut, bool BelowReorderPoint, DateTimeOffset At)
{
    public sealed record OnHandByStatus(decimal Released, decimal Quarantine, decimal Rejected, decimal Expired);

    public static InventoryState Of(MaterialInventoryFigures f, DateTimeOffset at) =>
        new(f.Code, f.Name, f.Unit, new OnHandByStatus(f.Released, f.Quarantine, f.Rejected, f.Expired), f.Allocated, f.Available,
            f.ReorderPoint, f.SafetyStock, f.ConsumptionPerHour, f.ProjectedStockOut, f.IsBelowReorderPoint, at);
}
