namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>An equipment's logbook for a period, oldest entry first.</summary>
public sealed record EquipmentLogbook(string EquipmentCode, string EquipmentName, DateTimeOffset From, DateTimeOffset To,
    IReadOnlyList<LogbookEntry> Entries, bool Truncated);
