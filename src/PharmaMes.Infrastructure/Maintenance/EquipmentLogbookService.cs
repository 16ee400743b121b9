using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>
/// The equipment logbook (21 CFR 211.182): every use by a batch step, cleaning, calibration, maintenance,
/// machine state change and retirement of one unit, in time order. It is read from the records themselves,
/// each append-only and audited where it is written, so the logbook can never disagree with them.
/// </summary>
public sealed class EquipmentLogbookService(IDbContextFactory<MesDbContext> contexts, IEnumerable<ILogbookSource> sources)
{
    public const int MaxEntries = 5_000;

    public async Task<EquipmentLogbook?> GetAsync(string equipmentCode, DateTimeOffset from, DateTimeOffset to, IReadOnlySet<LogbookEntryKind>? kinds,
        CancellationToken cancellationToken = default)
    {
        PlantCode code;
        try
        {
            code = new PlantCode(equipmentCode);
        }
        catch (Domain.Common.DomainException)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var equipment = await db.Equipment.AsNoTracking().SingleOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (equipment is null)
            return null;
        bool Wanted(LogbookEntryKind kind) => kinds is null || kinds.Count == 0 || kinds.Contains(kind);

        var entries = new List<LogbookEntry>();
        if (Wanted(LogbookEntryKind.Use))
            entries.AddRange(await UsesAsync(db, code, from, to, cancellationToken));
        if (Wanted(LogbookEntryKind.Cleaning))
            entries.AddRange(await CleaningsAsync(db, code, from, to, cancellationToken));
        if (Wanted(LogbookEntryKind.Calibration))
            entries.AddRange(await CalibrationsAsync(db, code, from, to, cancellationToken));
        if (Wanted(LogbookEntryKind.StateChange))
            entries.AddRange(await StateChangesAsync(db, equipment.Id, from, to, cancellationToken));
        if (Wanted(LogbookEntryKind.Retirement) && equipment.RetiredAt is { } retired && retired >= from && retired <= to)
            entries.Add(new LogbookEntry(retired, LogbookEntryKind.Retirement, "Retired", equipment.RetiredReason, equipment.RetiredBy));
        foreach (var source in sources)
            if (Wanted(source.Kind))
                entries.AddRange(await source.ReadAsync(db, equipment, from, to, cancellationToken));

        var ordered = entries.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
        var truncated = ordered.Count > MaxEntries;
        return new EquipmentLogbook(equipment.Code.Value, equipment.Name, from, to, truncated ? ordered[^MaxEntries..] : ordered, truncated);
    }

    private static async Task<IEnumerable<LogbookEntry>> UsesAsync(MesDbContext db, PlantCode code, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var steps = await db.BatchSteps.AsNoTracking().Where(s => s.EquipmentCode == code && s.StartedAt != null).ToListAsync(cancellationToken);
        steps = steps.Where(s => s.StartedAt <= to && (s.PerformedAt ?? s.CompletedAt ?? to) >= from).ToList();
        var batchIds = steps.Select(s => s.BatchId).Distinct().ToList();
        var batches = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        return steps.Select(s =>
        {
            var batch = batches[s.BatchId];
            var ended = s.PerformedAt ?? s.CompletedAt;
            return new LogbookEntry(s.StartedAt!.Value, LogbookEntryKind.Use, $"{batch.Number} · {s.Label}",
                ended is null ? "In use" : null, s.StartedByName, ended, batch.Number.Value, batch.ProductCode.Value);
        });
    }

    private static async Task<IEnumerable<LogbookEntry>> CleaningsAsync(MesDbContext db, PlantCode code, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var records = (await db.CleaningRecords.AsNoTracking().Where(c => c.EquipmentCode == code).ToListAsync(cancellationToken))
            .Where(c => c.CleanedAt >= from && c.CleanedAt <= to).ToList();
        var signatures = await SignaturesAsync(db, CleaningService.SubjectType, records.Select(r => r.Id), cancellationToken);
        return records.Select(r => new LogbookEntry(r.CleanedAt, LogbookEntryKind.Cleaning,
            $"{Words(r.Method)} cleaning — {Words(r.Status)}",
            string.Join("; ", new[]
            {
                r.CleaningAgent is null ? null : $"Agent: {r.CleaningAgent}",
                r.AfterBatchNumber is null ? null : $"after {r.AfterBatchNumber} ({r.AfterProductCode})",
                r.Comment,
                r.RefusalReason is null ? null : $"Refused: {r.RefusalReason}",
            }.Where(t => t is not null)),
            r.CleanedByName, null, r.AfterBatchNumber, r.AfterProductCode,
            Views(signatures, r.Id, r.Content())));
    }

    private static async Task<IEnumerable<LogbookEntry>> CalibrationsAsync(MesDbContext db, PlantCode code, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var records = (await db.CalibrationRecords.AsNoTracking().Where(c => c.EquipmentCode == code).ToListAsync(cancellationToken))
            .Where(c => c.RecordedAt >= from && c.RecordedAt <= to).ToList();
        var signatures = await SignaturesAsync(db, CalibrationService.SubjectType, records.Select(r => r.Id), cancellationToken);
        return records.Select(r => new LogbookEntry(r.RecordedAt, LogbookEntryKind.Calibration,
            $"Calibration of {r.Instrument} on {r.CalibratedOn:yyyy-MM-dd} — {(r.Passed ? "passed" : "FAILED")}",
            $"Standard {r.ReferenceStandard} (certificate {r.StandardCertificate}); as found {r.AsFound}; as left {r.AsLeft}"
                + (r.NextDueOn is { } next ? $"; next due {next:yyyy-MM-dd}" : "") + (r.Comment is null ? "" : $"; {r.Comment}"),
            r.PerformedByName, null, null, null, Views(signatures, r.Id, r.Content())));
    }

    private static async Task<IEnumerable<LogbookEntry>> StateChangesAsync(MesDbContext db, Guid equipmentId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var intervals = await db.StateIntervals.AsNoTracking()
            .Where(s => s.EquipmentId == equipmentId && s.StartedAt >= from && s.StartedAt <= to)
            .OrderByDescending(s => s.StartedAt).Take(MaxEntries + 1)
            .ToListAsync(cancellationToken);
        return intervals.Select(s => new LogbookEntry(s.StartedAt, LogbookEntryKind.StateChange, $"State {s.State}", s.Reason, "device", s.EndedAt));
    }

    internal static async Task<ILookup<Guid, ElectronicSignature>> SignaturesAsync(MesDbContext db, string subjectType, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        if (wanted.Count == 0)
            return Array.Empty<ElectronicSignature>().ToLookup(s => s.SubjectId);
        var signatures = await db.Signatures.AsNoTracking().Where(s => s.SubjectType == subjectType && wanted.Contains(s.SubjectId)).ToListAsync(cancellationToken);
        return signatures.ToLookup(s => s.SubjectId);
    }

    internal static IReadOnlyList<LogbookSignature> Views(ILookup<Guid, ElectronicSignature> signatures, Guid subjectId, SignedContent content) =>
        signatures[subjectId].OrderBy(s => s.SignedAt).Select(s => new LogbookSignature(s.Manifestation, s.IsValidFor(content))).ToList();

    private static string Words<T>(T value) where T : struct, Enum =>
        System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
}
