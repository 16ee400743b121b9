using PharmaMes.Domain.Audit;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// The single row that records the last audit entry written. Every transaction that audits
/// first updates it, which locks it: appends to the chain are serialised on every provider and
/// across nodes, and removing entries from the end is detected by comparing it with the trail.
/// </summary>
public class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = AuditEntry.GenesisHash;
}
