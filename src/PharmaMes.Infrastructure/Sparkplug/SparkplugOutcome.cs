namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>What one Sparkplug message means to the host application.</summary>
public sealed class SparkplugOutcome
{
    /// <summary>Values to store (births carry the current values too).</summary>
    public List<SparkplugValue> Values { get; } = [];

    /// <summary>Metrics set aside with the reason (a dataset, a template, a value the data type cannot carry).</summary>
    public List<string> SetAside { get; } = [];

    /// <summary>Devices (null: the edge node itself) that came online (true) or went offline (false).</summary>
    public List<(string? Device, bool Online, DateTimeOffset At)> Presence { get; } = [];

    /// <summary>Devices born again after a death took their equipment Offline.</summary>
    public List<string> BackOnline { get; } = [];

    /// <summary>
    /// Why the host cannot trust the node's session any more (a seq gap, an unknown alias, data
    /// before its birth): the message is quarantined with this reason, never guessed at, and the
    /// node is asked to be born again (NCMD Node Control/Rebirth).
    /// </summary>
    public string? RebirthNeeded { get; set; }

    /// <summary>A message the host ignores on purpose, with why (a stale NDEATH, a command topic).</summary>
    public string? Ignored { get; set; }
}
