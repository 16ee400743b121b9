namespace PharmaMes.Domain.Plant;

/// <summary>Where a reading falls against its tag's ranges.</summary>
public enum TagReading
{
    Normal,
    OutsideNormalRange,
    OutsideAlarmLimits,
}
