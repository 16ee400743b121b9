using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Domain.Production;

/// <summary>
/// A material a batch step dispenses: the recipe's line scaled to the batch's planned size, with its
/// tolerance, copied when the batch was made. It is dispensed once, from one lot.
/// </summary>
public class BatchStepMaterial
{
    public Guid Id { get; private set; }
    public Guid BatchStepId { get; private set; }
    public MaterialCode MaterialCode { get; private set; }
    /// <summary>The recipe quantity × planned size / standard batch size.</summary>
    public Quantity TargetQuantity { get; private set; }
    public decimal TolerancePercentBelow { get; private set; }
    public decimal TolerancePercentAbove { get; private set; }
    public LotNumber? DispensedLot { get; private set; }
    /// <summary>The weighed amount, in the unit of <see cref="TargetQuantity"/>.</summary>
    public decimal? DispensedAmount { get; private set; }
    public int? DispenseEntrySequence { get; private set; }
    public EntryResult? DispenseResult { get; private set; }
    /// <summary>How much of the dispensed amount went back to its lot unused, in the unit of <see cref="TargetQuantity"/>.</summary>
    public decimal ReturnedAmount { get; private set; }
    /// <summary>How much of the dispensed amount was lost (spilt, rejected), with a reason in the record each time.</summary>
    public decimal WastedAmount { get; private set; }

    /// <summary>What is left of the dispensed amount to return or write off: dispensed − returned − wasted.</summary>
    public decimal Unaccounted => (DispensedAmount ?? 0) - ReturnedAmount - WastedAmount;

    public DispenseTolerance Tolerance => new(TargetQuantity, TolerancePercentBelow, TolerancePercentAbove);

    public Quantity? DispensedQuantity => DispensedAmount is { } amount ? new Quantity(amount, TargetQuantity.Unit) : null;

    public bool IsDispensed => DispenseEntrySequence is not null;

    protected BatchStepMaterial() { }

    private BatchStepMaterial(Guid batchStepId, MaterialCode materialCode, Quantity targetQuantity, decimal tolerancePercentBelow, decimal tolerancePercentAbove)
    {
        Id = Ids.New();
        BatchStepId = batchStepId;
        MaterialCode = materialCode;
        TargetQuantity = targetQuantity;
        TolerancePercentBelow = tolerancePercentBelow;
        TolerancePercentAbove = tolerancePercentAbove;
    }

    internal static BatchStepMaterial FromRecipe(Guid batchStepId, BillOfMaterialsLine line, decimal scale) =>
        new(batchStepId, line.MaterialCode, line.ScaledBy(scale), line.TolerancePercentBelow, line.TolerancePercentAbove);

    internal void Returned(decimal amount) => ReturnedAmount += amount;

    internal void Wasted(decimal amount) => WastedAmount += amount;

    internal void Dispensed(BatchRecordEntry entry)
    {
        DispensedLot = entry.LotNumber;
        DispensedAmount = entry.Amount;
        DispenseEntrySequence = entry.Sequence;
        DispenseResult = entry.Result;
    }
}
