using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// Publishes the chain head outside the database: the last sequence and its hash, signed with the
/// chain key, appended to Audit:CheckpointFile. Verification then checks that the trail still
/// passes through every checkpoint, which catches a rewrite or a cut even by someone holding the key,
/// as long as they cannot also rewrite the checkpoint file.
/// </summary>
public sealed class AuditCheckpoints(
    IDbContextFactory<MesDbContext> contexts, AuditChainKeys keys, AuditChainOptions options, TimeProvider clock, ILogger<AuditCheckpoints> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _lastWritten;

    /// <summary>Appends a checkpoint of the current head unless the last one already holds it; returns the checkpoint written, if any.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
            _lastWritten ??= ReadAll().LastOrDefault()?.Sequence;
            if (_lastWritten == head.LastSequence)
                return null;
            var checkpoint = AuditCheckpoint.Sign(head.LastSequence, head.LastHash, clock.GetUtcNow(), keys.Current);
            AuditCheckpointFile.Append(options.CheckpointFile, checkpoint);
            _lastWritten = checkpoint.Sequence;
            logger.LogDebug("Audit checkpoint at entry {Sequence} written to {File}", checkpoint.Sequence, options.CheckpointFile);
            return checkpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every checkpoint in the file, oldest first.</summary>
    public IReadOnlyList<AuditCheckpoint> ReadAll() => AuditCheckpointFile.Read(options.CheckpointFile);
}
