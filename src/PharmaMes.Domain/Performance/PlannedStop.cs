using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Performance;

/// <summary>Time taken out of the plan ahead (planned maintenance, a cleaning window, no order): not a loss.</summary>
public sealed record PlannedStop
{
    public const int ReasonMaxLength = 200;

    public DateTimeOffset From { get; }
    public DateTimeOffset To { get; }
    public string Reason { get; }

    public PlannedStop(DateTimeOffset from, DateTimeOffset to, string reason)
    {
        if (to <= from)
            throw new DomainException("A planned stop must end after it starts.");
        From = from;
        To = to;
        Reason = Guard.Text(reason, "The reason of a planned stop", ReasonMaxLength);
    }
}
