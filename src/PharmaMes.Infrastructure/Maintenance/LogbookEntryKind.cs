namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>What an entry of the equipment logbook records (21 CFR 211.182).</summary>
public enum LogbookEntryKind
{
    Use,
    Cleaning,
    Calibration,
    Maintenance,
    StateChange,
    Retirement,
}
