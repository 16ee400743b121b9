namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>
/// A posting of stock against a batch: goods issue (movement type 261, material consumed) or goods
/// receipt (101, the batch's output lot). One message per ledger entry, with the lot and quantity.
/// </summary>
public sealed record GoodsMovement(
    string MovementType, Guid LedgerEntryId, string BatchNumber, string? OrderNumber, string? ExternalOrderId,
    string Material, string Lot, decimal Quantity, string Unit, string LotStatus, DateOnly ExpiryDate,
    DateTimeOffset PostedAt, string RecordedBy)
{
    public const string GoodsIssue = "261";
    public const string GoodsReceipt = "101";
    /// <summary>Unused material back from the order to its lot: the reversal of a goods issue.</summary>
    public const string GoodsIssueReversal = "262";
}
