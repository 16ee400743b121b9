using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// Appends audit records to the chain inside the caller's transaction: locks the chain head,
/// links each record to the one before, signs it with the chain key, and moves the head. The head row is updated before it
/// is read, so concurrent writers wait for each other instead of forking the chain.
/// </summary>
internal static class AuditWriter
{
    public static async Task<IReadOnlyList<AuditEntry>> AppendAsync(MesDbContext db, IReadOnlyList<AuditRecord> records, AuditChainKey key, CancellationToken cancellationToken)
    {
        await LockHeadAsync(db, cancellationToken);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);

        var entries = new List<AuditEntry>(records.Count);
        var (sequence, hash) = (head.LastSequence, head.LastHash);
        foreach (var record in records)
        {
            var entry = AuditEntry.Append(sequence, hash, record, key);
            entries.Add(entry);
            (sequence, hash) = (entry.Sequence, entry.Hash);
        }
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, hash), cancellationToken);
        return entries;
    }

    /// <summary>
    /// Takes the chain head's row lock in the caller's transaction, until it ends: every audited write of every node
    /// waits for it, so a writer that takes it before reading reads what no other audited writer can change meanwhile.
    /// </summary>
    public static Task LockHeadAsync(MesDbContext db, CancellationToken cancellationToken) =>
        db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), cancellationToken);
}
