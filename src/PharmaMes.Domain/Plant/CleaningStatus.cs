namespace PharmaMes.Domain.Plant;

/// <summary>
/// Whether equipment may be used for product: Clean within its clean hold time,
/// CleanExpired once that time has passed, Dirty after use until cleaned again.
/// </summary>
public enum CleaningStatus
{
    Dirty,
    Clean,
    CleanExpired,
}
