using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// QA's decision on a received lot waiting in Quarantine: released for use or rejected, each with
/// an electronic signature, in one audited transaction with the status change (and the ERP message
/// the change writes). The signature is asked for only once the decision is known to be possible.
/// </summary>
public sealed class LotDispositionService(IDbContextFactory<MesDbContext> contexts, ElectronicSigning signing, TimeProvider clock)
{
    public Task ReleaseAsync(string lotNumber, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        DecideAsync(lotNumber, LotStatus.Released, null, credentials, actor, cancellationToken);

    public Task RejectAsync(string lotNumber, string reason, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException("Give the reason for rejecting the lot: it is part of the signed record.")
            : DecideAsync(lotNumber, LotStatus.Rejected, reason.Trim(), credentials, actor, cancellationToken);

    /// <summary>A released lot back into Quarantine for investigation or re-test: it may not be used until QA decides again.</summary>
    public Task HoldAsync(string lotNumber, string reason, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException("Give the reason for putting the lot on hold: it is part of the signed record.")
            : DecideAsync(lotNumber, LotStatus.Quarantine, reason.Trim(), credentials, actor, cancellationToken);

    private async Task DecideAsync(string lotNumber, LotStatus decision, string? reason, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken)
    {
        if (LotNumber.TryParse(lotNumber) is not { } number)
            throw new DomainException($"'{lotNumber}' is not a lot number.");
        await using var db = await contexts.CreateDbContextAsync(actor.Because(reason ?? "Released by QA"), cancellationToken);
        var lot = await db.MaterialLots.SingleOrDefaultAsync(l => l.Number == number, cancellationToken)
            ?? throw new DomainException($"There is no lot {lotNumber}.");
        var now = clock.GetUtcNow();
        // QA releases a lot in Quarantine, puts a released one on hold, and rejects either (a complaint may reject a released lot).
        var from = decision switch
        {
            LotStatus.Released => [LotStatus.Quarantine],
            LotStatus.Quarantine => [LotStatus.Released],
            _ => new[] { LotStatus.Quarantine, LotStatus.Released },
        };
        if (!from.Contains(lot.Status))
            throw new DomainException(decision == LotStatus.Quarantine
                ? $"Lot {lot.Number} is {lot.Status}: only a released lot can be put on hold."
                : $"Lot {lot.Number} is {lot.Status}: only a lot in Quarantine{(decision == LotStatus.Rejected ? " or released" : "")} waits for this decision.");
        if (decision == LotStatus.Released && lot.IsPastExpiry(DateOnly.FromDateTime(now.UtcDateTime)))
            throw new DomainException($"Lot {lot.Number} expired on {lot.ExpiryDate:yyyy-MM-dd} and cannot be released.");

        var meaning = decision switch
        {
            LotStatus.Released => SignatureMeaning.Released,
            LotStatus.Quarantine => SignatureMeaning.Held,
            _ => SignatureMeaning.Rejected,
        };
        await signing.SignAsync(db, actor, credentials, new SignatureRequest(meaning, "MaterialLot", lot.Id, lot.DispositionContent(decision, reason), reason), cancellationToken);
        if (decision == LotStatus.Released)
            lot.Release(now);
        else if (decision == LotStatus.Quarantine)
            lot.ReturnToQuarantine(reason!, now);
        else
            lot.Reject(reason!, now);
        await db.SaveOrRefuseAsync(cancellationToken);
    }
}
