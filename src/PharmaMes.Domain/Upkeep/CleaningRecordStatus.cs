namespace PharmaMes.Domain.Upkeep;

/// <summary>A cleaning counts only once a second person has verified it.</summary>
public enum CleaningRecordStatus
{
    AwaitingVerification,
    Verified,
    Refused,
}
