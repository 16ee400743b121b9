using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Materials;

/// <summary>
/// A lot of one material. A received lot starts in Quarantine; QA releases or rejects it;
/// it expires at its expiry date. Its stock is not stored here but derived from the inventory ledger.
/// </summary>
public class MaterialLot
{
    public const int SupplierLotMaxLength = 40;
    public const int LocationMaxLength = 40;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; private set; }
    public LotNumber Number { get; private set; }
    public Guid MaterialId { get; private set; }
    public LotStatus Status { get; private set; }
    public DateOnly ExpiryDate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? SupplierLot { get; private set; }
    public string? Location { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    /// <summary>
    /// Counts the lot's status changes: a save of a change made from an older version is refused, so two nodes or people
    /// deciding on the lot at once end in a conflict, not in the second silently undoing the first.
    /// </summary>
    public int Version { get; private set; }

    protected MaterialLot() { }

    private MaterialLot(LotNumber number, Guid materialId, LotStatus status, DateOnly expiryDate, DateTimeOffset now, string? supplierLot, string? location)
    {
        Id = Ids.New();
        Number = number;
        MaterialId = materialId;
        Status = status;
        ExpiryDate = expiryDate;
        CreatedAt = now;
        StatusChangedAt = now;
        SupplierLot = Guard.OptionalText(supplierLot, "A supplier lot", SupplierLotMaxLength);
        Location = Guard.OptionalText(location, "A location", LocationMaxLength);
    }

    /// <summary>A lot received from a supplier: always Quarantine until QA has tested it.</summary>
    public static MaterialLot Receive(LotNumber number, Material material, DateOnly expiryDate, DateTimeOffset now, string? supplierLot = null, string? location = null)
    {
        if (expiryDate < DateOnly.FromDateTime(now.UtcDateTime))
            throw new DomainException($"Lot {number} cannot be received: its expiry date {expiryDate:yyyy-MM-dd} has passed.");
        return new MaterialLot(number, material.Id, LotStatus.Quarantine, expiryDate, now, supplierLot, location);
    }

    /// <summary>
    /// The lot a batch produces, numbered like the batch. It waits in Quarantine for QA's decision
    /// on the batch: released with it, or rejected with it.
    /// </summary>
    public static MaterialLot Produce(LotNumber number, Material material, DateOnly expiryDate, DateTimeOffset now, string? location = null)
    {
        if (expiryDate <= DateOnly.FromDateTime(now.UtcDateTime))
            throw new DomainException($"Lot {number} cannot be produced with an expiry date {expiryDate:yyyy-MM-dd} that is not in the future.");
        return new MaterialLot(number, material.Id, LotStatus.Quarantine, expiryDate, now, null, location);
    }

    public void Release(DateTimeOffset at)
    {
        if (IsPastExpiry(DateOnly.FromDateTime(at.UtcDateTime)))
            throw new DomainException($"Lot {Number} expired on {ExpiryDate:yyyy-MM-dd} and cannot be released.");
        ChangeStatus(LotStatus.Released, at, null);
    }

    public void Reject(string reason, DateTimeOffset at) =>
        ChangeStatus(LotStatus.Rejected, at, Guard.Text(reason, "A reason for rejecting a lot", ReasonMaxLength));

    public void ReturnToQuarantine(string reason, DateTimeOffset at) =>
        ChangeStatus(LotStatus.Quarantine, at, Guard.Text(reason, "A reason for returning a lot to quarantine", ReasonMaxLength));

    public void Expire(DateTimeOffset at)
    {
        if (!IsPastExpiry(DateOnly.FromDateTime(at.UtcDateTime)))
            throw new DomainException($"Lot {Number} is good until {ExpiryDate:yyyy-MM-dd}; it cannot be expired before then.");
        ChangeStatus(LotStatus.Expired, at, $"Expiry date {ExpiryDate:yyyy-MM-dd} passed.");
    }

    /// <summary>What QA signs when deciding on the lot: which lot, of what, good until when, and the decision.</summary>
    public Signatures.SignedContent DispositionContent(LotStatus decision, string? reason) =>
        new Signatures.SignedContent()
            .Add("Lot", Number)
            .Add("Material", MaterialId)
            .Add("Expiry date", ExpiryDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Add("Supplier lot", SupplierLot)
            .Add("Decision", decision)
            .Add("Reason", reason);

    /// <summary>A lot is good through its expiry date and expired from the day after.</summary>
    public bool IsPastExpiry(DateOnly today) => today > ExpiryDate;

    /// <summary>Why this lot may not be dispensed today; null when it may.</summary>
    public string? ReasonNotUsable(DateOnly today) =>
        Status != LotStatus.Released ? $"Lot {Number} is {Status}, not Released."
        : IsPastExpiry(today) ? $"Lot {Number} expired on {ExpiryDate:yyyy-MM-dd}."
        : null;

    private void ChangeStatus(LotStatus to, DateTimeOffset at, string? reason)
    {
        LotStatusMachine.EnsureCanChange(Status, to, Number);
        Status = to;
        StatusReason = reason;
        StatusChangedAt = at;
        Version++;
    }
}
