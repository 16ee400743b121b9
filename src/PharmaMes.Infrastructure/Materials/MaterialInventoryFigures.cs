using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// What a planner needs to know of one material now. On hand by status counts lots with stock;
/// a Released lot past its expiry date counts as Expired (it cannot be used, whatever its status
/// says until the nightly expiry runs). Allocated is what released and running orders still need
/// of it; Available = usable Released stock − allocated, negative when the orders need more than
/// there is. The projected stock-out is when Available is used up at the last hour's consumption.
/// </summary>
public sealed record MaterialInventoryFigures(
    string Code, string Name, MaterialType Type, string Unit,
    decimal Released, int ReleasedLots, decimal Quarantine, int QuarantineLots, decimal Rejected, int RejectedLots, decimal Expired, int ExpiredLots,
    decimal Allocated, decimal ReorderPoint, decimal SafetyStock, decimal ConsumptionPerHour, DateTimeOffset? ProjectedStockOut)
{
    public decimal Available => Released - Allocated;
    public bool IsBelowReorderPoint => Available < ReorderPoint;
    public bool IsBelowSafetyStock => Available < SafetyStock;
}
