namespace PharmaMes.Infrastructure.Cluster;

/// <summary>
/// This process among the cluster's nodes: its name (<c>Node:Name</c>) and an id that also tells apart two processes of one
/// name (two nodes on one machine, or a node restarted while its old process still holds the lease). The cluster lease
/// names its holder by this id, and the live-event relay recognises its own events by it.
/// </summary>
public sealed class NodeInstance(string name)
{
    public string Name { get; } = name;

    public string Id { get; } = $"{name}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
