namespace PharmaMes.Domain.Alerts;

/// <summary>
/// Where an alert stands in the ISA-18.2 alarm state model: whether its condition is still there
/// and whether a person has acknowledged it. Only <see cref="Normal"/> is off people's screens.
/// </summary>
public enum AlarmState
{
    /// <summary>The condition is there and nobody has acknowledged it yet.</summary>
    ActiveUnacknowledged,
    /// <summary>The condition is still there; someone has seen it and answers for it.</summary>
    ActiveAcknowledged,
    /// <summary>Returned to normal on its own, but nobody has acknowledged it: people must still see that it happened.</summary>
    ClearedUnacknowledged,
    /// <summary>Cleared and acknowledged: history only.</summary>
    Normal,
}
