using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Materials;

/// <summary>
/// The running stock of one lot: the sum of its ledger entries, kept beside the ledger so that
/// two batches consuming the same lot at the same moment cannot both spend the last kilogram.
/// Every posting bumps <see cref="Version"/>; a posting computed from an older version is refused
/// by the database (optimistic concurrency) and recomputed, so no update is lost and stock never
/// goes below zero. The ledger stays the record; this row can always be rebuilt from it.
/// </summary>
public class LotBalance
{
    public Guid LotId { get; private set; }
    public Guid MaterialId { get; private set; }
    public decimal OnHand { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    protected LotBalance() { }

    public LotBalance(Guid lotId, Guid materialId, DateTimeOffset now)
    {
        LotId = lotId;
        MaterialId = materialId;
        UpdatedAt = now;
    }

    /// <summary>A balance taken over from the ledger sum of a lot recorded before balances were kept.</summary>
    public static LotBalance Opening(Guid lotId, Guid materialId, decimal onHand, DateTimeOffset now)
    {
        if (onHand < 0)
            throw new DomainException($"The ledger of lot {lotId} sums to {onHand}: stock cannot be negative.");
        return new LotBalance(lotId, materialId, now) { OnHand = onHand };
    }

    /// <summary>Posts one ledger entry of this lot; refuses one that would leave the lot below zero.</summary>
    public void Post(InventoryLedgerEntry entry)
    {
        if (entry.LotId != LotId)
            throw new DomainException("A ledger entry can only be posted to the balance of its own lot.");
        if (OnHand + entry.Change < 0)
            throw new DomainException(
                $"The lot holds {OnHand} {entry.Unit}; {-entry.Change} {entry.Unit} cannot be taken from it. Another posting may have used it first.");
        OnHand += entry.Change;
        Version++;
        UpdatedAt = entry.OccurredAt;
    }
}
