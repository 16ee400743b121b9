using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Erp;
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

    private async Task DecideAsync(string lotNumber, LotStatus decision, string? reason, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken)
    {
        if (!Codes.TryParse(lotNumber, text => new LotNumber(text), out var number))
            throw new DomainException($"'{lotNumber}' is not a lot number.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditActor = actor.Because(reason ?? "Released by QA");
        db.AuditClock = clock;
        var lot = await db.MaterialLots.SingleOrDefaultAsync(l => l.Number == number, cancellationToken)
            ?? throw new DomainException($"There is no lot {lotNumber}.");
        var now = clock.GetUtcNow();
        if (lot.Status != LotStatus.Quarantine)
            throw new DomainException($"Lot {lot.Number} is {lot.Status}: only a lot in Quarantine waits for QA's decision.");
        if (decision == LotStatus.Released && lot.IsPastExpiry(DateOnly.FromDateTime(now.UtcDateTime)))
            throw new DomainException($"Lot {lot.Number} expired on {lot.ExpiryDate:yyyy-MM-dd} and cannot be released.");

        var meaning = decision == LotStatus.Released ? SignatureMeaning.Released : SignatureMeaning.Rejected;
        await signing.SignAsync(db, actor, credentials, new SignatureRequest(meaning, "MaterialLot", lot.Id, lot.DispositionContent(decision, reason), reason), cancellationToken);
        if (decision == LotStatus.Released)
            lot.Release(now);
        else
            lot.Reject(reason!, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
