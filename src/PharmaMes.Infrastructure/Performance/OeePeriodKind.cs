namespace PharmaMes.Infrastructure.Performance;

/// <summary>How a report splits its period: by shift occurrence (the calendar's), or by clock hour.</summary>
public enum OeePeriodKind
{
    Shift,
    Hour,
}
