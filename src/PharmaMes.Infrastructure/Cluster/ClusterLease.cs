namespace PharmaMes.Infrastructure.Cluster;

/// <summary>
/// Who does a cluster-wide duty now (planning, stock reviews, retention, shift closes): held by one node until it
/// expires, renewed by its holder while it lives, taken over by another node once it has expired.
/// Operational state, not GMP data: it is not audited.
/// </summary>
public class ClusterLease
{
    public const int NameLength = 64;
    public const int HolderLength = 200;

    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
