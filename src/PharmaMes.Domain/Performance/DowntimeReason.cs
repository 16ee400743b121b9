namespace PharmaMes.Domain.Performance;

/// <summary>One leaf of a downtime reason tree, e.g. Mechanical › Punch breakage; planned stops (changeover, cleaning) are not breakdowns.</summary>
public sealed record DowntimeReason(string Category, string Name, bool Planned)
{
    public const string Separator = " › ";

    public string Path => Category + Separator + Name;
}
