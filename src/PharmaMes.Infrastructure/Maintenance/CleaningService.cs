using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>
/// Cleaning of equipment (21 CFR 211.67): a person records the cleaning they did and signs it as
/// performed, or the unit reports its own CIP cycle; a second person verifies it with a signature,
/// and only then is the unit clean. Each use case is one transaction with its audit trail.
/// </summary>
public sealed class CleaningService(IDbContextFactory<MesDbContext> contexts, ElectronicSigning signing, TimeProvider clock)
{
    public const string SubjectType = "CleaningRecord";

    /// <summary>Records a cleaning done by the signed-in person, signed as performed. Returns the record's id.</summary>
    public async Task<Guid> RecordAsync(string equipmentCode, CleaningEntry entry, SignatureCredentials credentials, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var now = clock.GetUtcNow();
        var equipment = await FindEquipmentAsync(db, equipmentCode, cancellationToken);
        var record = CleaningRecord.ByPerson(equipment, entry.Method, entry.CleaningAgent, entry.CleanedAt, BatchExecutionService.PersonOf(actor), entry.Comment, now);
        db.CleaningRecords.Add(record);
        await signing.SignAsync(db, actor, credentials, new SignatureRequest(SignatureMeaning.Performed, SubjectType, record.Id, record.Content()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>The unit reported a completed clean-in-place cycle: recorded for a person to verify.</summary>
    public async Task<Guid> RecordDeviceCleaningAsync(Guid equipmentId, DateTimeOffset? startedAt, DateTimeOffset cleanedAt, string? program, string? agent,
        CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(AuditActor.System("device cleaning", "Clean-in-place cycle reported by the equipment"), cancellationToken);
        var equipment = await db.Equipment.SingleAsync(e => e.Id == equipmentId, cancellationToken);
        var now = clock.GetUtcNow();
        var record = CleaningRecord.ByDevice(equipment, agent, startedAt, cleanedAt > now ? now : cleanedAt, program, now);
        db.CleaningRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>A second person verifies the cleaning with a signature: the unit is clean.</summary>
    public Task VerifyAsync(Guid recordId, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(recordId, actor, async (record, equipment, db, now) =>
        {
            record.Verify(equipment, BatchExecutionService.PersonOf(actor), now);
            await signing.SignAsync(db, actor, credentials, new SignatureRequest(SignatureMeaning.Verified, SubjectType, record.Id, record.Content()), cancellationToken);
        }, cancellationToken);

    /// <summary>The verifier finds the unit not clean: refused with a reason and a signature; the unit stays dirty.</summary>
    public Task RefuseAsync(Guid recordId, string reason, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(recordId, actor.Because(reason), async (record, equipment, db, now) =>
        {
            record.Refuse(equipment, BatchExecutionService.PersonOf(actor), reason, now);
            await signing.SignAsync(db, actor, credentials,
                new SignatureRequest(SignatureMeaning.Rejected, SubjectType, record.Id, record.Content(), reason), cancellationToken);
        }, cancellationToken);

    /// <summary>Cleanings waiting for a second person, oldest first; of one unit when a code is given.</summary>
    public async Task<IReadOnlyList<CleaningRecord>> AwaitingVerificationAsync(string? equipmentCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.CleaningRecords.AsNoTracking().Where(c => c.Status == CleaningRecordStatus.AwaitingVerification);
        if (!string.IsNullOrWhiteSpace(equipmentCode))
        {
            var code = new PlantCode(equipmentCode);
            query = query.Where(c => c.EquipmentCode == code);
        }
        return (await query.ToListAsync(cancellationToken)).OrderBy(c => c.CleanedAt).ToList();
    }

    private async Task ActAsync(Guid recordId, AuditActor actor, Func<CleaningRecord, Equipment, MesDbContext, DateTimeOffset, Task> action,
        CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var record = await db.CleaningRecords.SingleOrDefaultAsync(c => c.Id == recordId, cancellationToken)
            ?? throw new DomainException("There is no such cleaning record.");
        var equipment = await db.Equipment.SingleAsync(e => e.Id == record.EquipmentId, cancellationToken);
        await action(record, equipment, db, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static async Task<Equipment> FindEquipmentAsync(MesDbContext db, string equipmentCode, CancellationToken cancellationToken)
    {
        var code = new PlantCode(equipmentCode);
        return await db.Equipment.SingleOrDefaultAsync(e => e.Code == code, cancellationToken)
            ?? throw new DomainException($"There is no equipment {code}.");
    }

    private async Task<MesDbContext> OpenAsync(AuditActor actor, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        return db;
    }
}
