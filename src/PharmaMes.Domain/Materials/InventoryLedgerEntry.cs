using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Materials;

/// <summary>
/// One line of the append-only inventory ledger: a signed change of a lot's stock. Stock is the
/// sum of a lot's entries; entries are never changed or removed, a mistake is corrected by an adjustment.
/// </summary>
public class InventoryLedgerEntry
{
    public const int ReferenceMaxLength = 60;
    public const int ReasonMaxLength = 500;
    public const int RecordedByMaxLength = 64;

    public Guid Id { get; private set; }
    public Guid LotId { get; private set; }
    public Guid MaterialId { get; private set; }
    public InventoryMovement Movement { get; private set; }
    /// <summary>Positive adds stock, negative removes it; in the material's unit.</summary>
    public decimal Change { get; private set; }
    public UnitOfMeasure Unit { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>What caused it: a batch number, a goods receipt or a count document.</summary>
    public string? Reference { get; private set; }
    public string? Reason { get; private set; }
    public string RecordedBy { get; private set; } = "";

    protected InventoryLedgerEntry() { }

    private InventoryLedgerEntry(MaterialLot lot, InventoryMovement movement, decimal change, UnitOfMeasure unit, DateTimeOffset at, string? reference, string? reason, string recordedBy)
    {
        Id = Ids.New();
        LotId = lot.Id;
        MaterialId = lot.MaterialId;
        Movement = movement;
        Change = change;
        Unit = unit;
        OccurredAt = at;
        Reference = Guard.OptionalText(reference, "A ledger reference", ReferenceMaxLength);
        Reason = Guard.OptionalText(reason, "A ledger reason", ReasonMaxLength);
        RecordedBy = Guard.Text(recordedBy, "Who recorded the movement", RecordedByMaxLength);
    }

    public static InventoryLedgerEntry Receipt(MaterialLot lot, Quantity received, DateTimeOffset at, string recordedBy, string? reference = null)
    {
        RequirePositive(received, "received");
        return new(lot, InventoryMovement.Receipt, received.Amount, received.Unit, at, reference, null, recordedBy);
    }

    /// <summary>Issues material to a batch. The lot must be usable and hold enough stock.</summary>
    public static InventoryLedgerEntry IssueToBatch(MaterialLot lot, Quantity issued, Quantity onHand, string batchNumber, DateTimeOffset at, string recordedBy)
    {
        RequirePositive(issued, "issued");
        if (lot.ReasonNotUsable(DateOnly.FromDateTime(at.UtcDateTime)) is { } reason)
            throw new DomainException(reason);
        if (onHand.IsLessThan(issued))
            throw new DomainException($"Lot {lot.Number} holds {onHand}; {issued} cannot be issued.");
        return new(lot, InventoryMovement.IssueToBatch, -issued.Amount, issued.Unit, at, Guard.Text(batchNumber, "The batch number", ReferenceMaxLength), null, recordedBy);
    }

    /// <summary>
    /// Puts unused material of a batch back into its lot. The lot's status still decides whether it may be
    /// used again: a lot expired since the issue comes back expired.
    /// </summary>
    public static InventoryLedgerEntry ReturnFromBatch(MaterialLot lot, Quantity returned, string batchNumber, DateTimeOffset at, string recordedBy)
    {
        RequirePositive(returned, "returned");
        return new(lot, InventoryMovement.ReturnFromBatch, returned.Amount, returned.Unit, at, Guard.Text(batchNumber, "The batch number", ReferenceMaxLength), null, recordedBy);
    }

    public static InventoryLedgerEntry OutputFromBatch(MaterialLot lot, Quantity produced, string batchNumber, DateTimeOffset at, string recordedBy)
    {
        RequirePositive(produced, "produced");
        return new(lot, InventoryMovement.OutputFromBatch, produced.Amount, produced.Unit, at, Guard.Text(batchNumber, "The batch number", ReferenceMaxLength), null, recordedBy);
    }

    /// <summary>A correction after a count; it may not take a lot below zero.</summary>
    public static InventoryLedgerEntry Adjustment(MaterialLot lot, decimal change, Quantity onHand, string reason, DateTimeOffset at, string recordedBy)
    {
        if (change == 0)
            throw new DomainException("An adjustment of zero changes nothing.");
        Guard.Text(reason, "A reason for the adjustment", ReasonMaxLength);
        if (onHand.Amount + change < 0)
            throw new DomainException($"Lot {lot.Number} holds {onHand}; an adjustment of {change} would make it negative.");
        return new(lot, InventoryMovement.Adjustment, change, onHand.Unit, at, null, reason, recordedBy);
    }

    private static void RequirePositive(Quantity quantity, string what)
    {
        if (quantity.Amount <= 0)
            throw new DomainException($"The quantity {what} must be more than zero.");
    }
}
