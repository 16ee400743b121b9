namespace PharmaMes.Domain.Production;

/// <summary>
/// Whether a scale's reading has settled: at least two readings over the last <see cref="Window"/>, the newest
/// no older than that, all within <see cref="Band"/> of each other. A weight taken while the load still moves
/// is recorded as not stable, for the reviewer to judge.
/// </summary>
public static class ScaleStability
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    /// <summary>The allowed spread: a gram, or 0.05 % of the load when that is more.</summary>
    public static double Band(double load) => Math.Max(0.001, Math.Abs(load) * 0.0005);

    public static bool IsStable(IEnumerable<(DateTimeOffset At, double Value)> readings, DateTimeOffset now)
    {
        var recent = readings.Where(r => r.At > now - Window && r.At <= now).Select(r => r.Value).ToList();
        if (recent.Count < 2)
            return false;
        return recent.Max() - recent.Min() <= Band(recent[^1]) + 1e-9;
    }
}
