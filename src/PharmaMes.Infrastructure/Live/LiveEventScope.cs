namespace PharmaMes.Infrastructure.Live;

/// <summary>Whose events a subscriber hears when several MES nodes share a plant.</summary>
public enum LiveEventScope
{
    /// <summary>Every node's: screens, and caches that must drop what another node changed.</summary>
    AllNodes,

    /// <summary>
    /// This node's only: whoever acts on an event once for the cluster (the hub broadcaster, whose backplane reaches every
    /// node's clients; the MQTT publishers; the watchers that raise alerts) acts on the node where it happened.
    /// </summary>
    ThisNode,

    /// <summary>
    /// The other nodes' only: a cache this node updates itself before it publishes (the live plant), so that a subscriber
    /// reading it on hearing this node's event finds it current.
    /// </summary>
    OtherNodes,
}
