namespace PharmaMes.Domain.Materials;

/// <summary>The quality status of a lot. Only Released, unexpired lots may be used in production.</summary>
public enum LotStatus
{
    Quarantine,
    Released,
    Rejected,
    Expired,
}
