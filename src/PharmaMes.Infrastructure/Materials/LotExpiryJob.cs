using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// The daily run that marks lots past their expiry date Expired, audited as the system's doing.
/// Dispensing already refuses a lot past its date on the day itself; this makes the status say so
/// for everyone else (the inventory, the ERP, the labels).
/// </summary>
public sealed partial class LotExpiryJob(IDbContextFactory<MesDbContext> contexts, TimeProvider clock, ILogger<LotExpiryJob> logger)
{
    /// <summary>How often the run is recomputed when QA (or another node) changed a lot it was expiring at the same moment.</summary>
    private const int ConflictAttempts = 3;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            await using var db = await contexts.CreateDbContextAsync(AuditActor.System("lot expiry", "Expiry date passed"), cancellationToken);
            var due = await db.MaterialLots
                .Where(l => (l.Status == LotStatus.Released || l.Status == LotStatus.Quarantine) && l.ExpiryDate < today)
                .ToListAsync(cancellationToken);
            foreach (var lot in due)
                lot.Expire(now);
            if (due.Count == 0)
                return 0;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictAttempts)
            {
                // Nothing was saved: the lots are read again as they are now (a rejected one is no longer due).
                continue;
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                throw ChangedMeanwhileException.Of(conflict);
            }
            LogExpired(due.Count, string.Join(", ", due.Select(l => l.Number.Value)));
            return due.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} lots expired: {Lots}")]
    private partial void LogExpired(int count, string lots);
}
