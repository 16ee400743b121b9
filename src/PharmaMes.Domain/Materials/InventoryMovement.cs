namespace PharmaMes.Domain.Materials;

/// <summary>The kinds of inventory ledger entries.</summary>
public enum InventoryMovement
{
    /// <summary>Goods received from a supplier (adds stock).</summary>
    Receipt,
    /// <summary>Material issued to a batch (removes stock).</summary>
    IssueToBatch,
    /// <summary>Output of a batch put into stock (adds stock).</summary>
    OutputFromBatch,
    /// <summary>A counted correction, either way, always with a reason.</summary>
    Adjustment,
    /// <summary>Material issued to a batch and not used, back in its lot (adds stock): reverses part of an issue.</summary>
    ReturnFromBatch,
}
