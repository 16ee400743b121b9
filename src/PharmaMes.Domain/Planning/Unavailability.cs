namespace PharmaMes.Domain.Planning;

/// <summary>A time an equipment cannot run an operation: Down, planned maintenance or calibration, a break, no shift.</summary>
public sealed record Unavailability(string Equipment, DateTimeOffset Start, DateTimeOffset End, string Reason)
{
    /// <summary>
    /// Overlapping times of one equipment joined into one (their reasons too): fixed times that overlap would make a
    /// schedule model's no-overlap unsolvable.
    /// </summary>
    public static IReadOnlyList<Unavailability> Merge(IEnumerable<Unavailability> times)
    {
        var merged = new List<Unavailability>();
        foreach (var group in times.GroupBy(t => t.Equipment))
        {
            Unavailability? current = null;
            foreach (var time in group.OrderBy(t => t.Start))
            {
                if (current is not null && time.Start <= current.End)
                    current = current with
                    {
                        End = time.End > current.End ? time.End : current.End,
                        Reason = current.Reason == time.Reason || current.Reason.Contains(time.Reason, StringComparison.Ordinal) ? current.Reason : $"{current.Reason}; {time.Reason}",
                    };
                else
                {
                    if (current is not null)
                        merged.Add(current);
                    current = time;
                }
            }
            if (current is not null)
                merged.Add(current);
        }
        return merged;
    }
}
