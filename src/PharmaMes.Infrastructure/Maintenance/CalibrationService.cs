using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>
/// Calibration of equipment (21 CFR 211.68): the technician records and signs each calibration. A pass
/// sets the unit's next due date; a failure blocks the unit and raises a quality exception for every
/// batch that used it since its last passed calibration, since their measurements are in doubt.
/// </summary>
public sealed class CalibrationService(IDbContextFactory<MesDbContext> contexts, ElectronicSigning signing, TimeProvider clock)
{
    public const string SubjectType = "CalibrationRecord";

    /// <summary>Records a calibration; returns the numbers of the quality exceptions a failure raised.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(string equipmentCode, CalibrationEntry entry, SignatureCredentials credentials, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var now = clock.GetUtcNow();
        var by = BatchExecutionService.PersonOf(actor);
        var equipment = await CleaningService.FindEquipmentAsync(db, equipmentCode, cancellationToken);
        var lastPassed = equipment.LastCalibratedOn;
        var record = CalibrationRecord.Record(equipment, entry.Instrument, entry.ReferenceStandard, entry.StandardCertificate, entry.AsFound, entry.AsLeft,
            entry.Passed, entry.CalibratedOn, entry.NextDueOn, by, entry.Comment, now);
        db.CalibrationRecords.Add(record);
        await signing.SignAsync(db, actor, credentials,
            new SignatureRequest(SignatureMeaning.Performed, SubjectType, record.Id, record.Content(), entry.Passed ? "Passed" : "Failed"), cancellationToken);

        var raised = new List<string>();
        if (!entry.Passed)
        {
            var since = lastPassed is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
            var steps = (await db.BatchSteps.AsNoTracking()
                    .Where(s => s.EquipmentCode == equipment.Code && s.StartedAt != null)
                    .ToListAsync(cancellationToken))
                .Where(s => s.StartedAt >= since)
                .GroupBy(s => s.BatchId)
                .Select(g => g.OrderBy(s => s.Number).First())
                .ToList();
            var offset = 0;
            if (steps.Count == 0)
            {
                var exception = QualityException.CalibrationFailed(await RecordNumbers.NextExceptionAsync(db, now, offset, cancellationToken),
                    equipment.Code, entry.Instrument, entry.CalibratedOn, lastPassed, null, null, by, now);
                db.QualityExceptions.Add(exception);
                raised.Add(exception.Number.Value);
            }
            foreach (var step in steps)
            {
                var batch = await db.LoadForActionAsync((await db.Batches.AsNoTracking().SingleAsync(b => b.Id == step.BatchId, cancellationToken)).Number.Value, cancellationToken);
                var exception = QualityException.CalibrationFailed(await RecordNumbers.NextExceptionAsync(db, now, offset++, cancellationToken),
                    equipment.Code, entry.Instrument, entry.CalibratedOn, lastPassed, batch, step.Number, by, now);
                db.QualityExceptions.Add(exception);
                batch.NoteQualityExceptionRaised(exception);
                db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
                raised.Add(exception.Number.Value);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return raised;
    }

    public async Task<IReadOnlyList<CalibrationRecord>> HistoryAsync(string equipmentCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = new Domain.Plant.PlantCode(equipmentCode);
        return (await db.CalibrationRecords.AsNoTracking().Where(c => c.EquipmentCode == code).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.RecordedAt).ToList();
    }
}
