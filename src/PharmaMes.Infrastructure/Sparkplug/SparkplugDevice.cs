namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>A device behind an edge node, as its DBIRTH declared it.</summary>
public sealed class SparkplugDevice(string name)
{
    public string Name { get; } = name;
    public bool Online { get; internal set; }
    public DateTimeOffset? BornAt { get; internal set; }
    internal SparkplugMetrics Metrics { get; set; } = new();

    /// <summary>A death took its equipment Offline: its next birth brings the equipment back.</summary>
    internal bool TakenOffline { get; set; }
}
