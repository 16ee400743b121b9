using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Materials;

/// <summary>The one table of legal lot status changes.</summary>
public static class LotStatusMachine
{
    private static readonly Dictionary<LotStatus, LotStatus[]> Allowed = new()
    {
        [LotStatus.Quarantine] = [LotStatus.Released, LotStatus.Rejected, LotStatus.Expired],
        // A released lot may be put back in quarantine for re-test, rejected on a complaint, or expire.
        [LotStatus.Released] = [LotStatus.Quarantine, LotStatus.Rejected, LotStatus.Expired],
        // Rejected and expired lots are final: they are destroyed or returned, never used.
        [LotStatus.Rejected] = [],
        [LotStatus.Expired] = [],
    };

    public static bool CanChange(LotStatus from, LotStatus to) => Allowed[from].Contains(to);

    public static void EnsureCanChange(LotStatus from, LotStatus to, LotNumber lot)
    {
        if (from == to)
            throw new DomainException($"Lot {lot} is already {to}.");
        if (!CanChange(from, to))
            throw new DomainException(Allowed[from].Length == 0
                ? $"Lot {lot} is {from}: its status can no longer change."
                : $"Lot {lot} cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed[from])}.");
    }
}
