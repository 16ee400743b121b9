using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// Executes batches step by step for the shop floor: each call is one operator action, checked by
/// the domain, written with its batch record entries, quality exceptions, inventory movements,
/// signatures and audit entries in one transaction. Values outside limits and dispenses outside
/// tolerance are recorded and raise a quality exception; they are never silently refused.
/// </summary>
public sealed class BatchExecutionService(IDbContextFactory<MesDbContext> contexts, ElectronicSigning signing, LiveEvents notifier, TelemetryCapture capture,
    TimeProvider clock)
{
    /// <summary>A batch for a released order, from the approved recipe of its product current now.</summary>
    public async Task<string> CreateBatchAsync(Guid orderId, decimal? plannedAmount, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var order = await db.ProductionOrders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new DomainException("That production order does not exist.");
        var recipe = await db.MasterRecipes
            .Include(r => r.Steps).ThenInclude(s => s.Parameters)
            .Include(r => r.Steps).ThenInclude(s => s.Checks)
            .Include(r => r.BillOfMaterials)
            .AsSplitQuery()
            .Where(r => r.ProductCode == order.ProductCode && r.Status == RecipeStatus.Approved)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"{order.ProductCode} has no Approved master batch record: a batch cannot be made.");
        var now = clock.GetUtcNow();
        var planned = plannedAmount is { } amount ? new Quantity(amount, order.Quantity.Unit) : order.Quantity;
        var batch = Batch.Create(order, recipe, await RecordNumbers.NextBatchAsync(db, now, cancellationToken), planned, PersonOf(actor), now);
        if (order.Status == OrderStatus.Released)
            order.Start(now);
        db.Batches.Add(batch);
        db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
        await db.SaveOrRefuseAsync(cancellationToken);
        return batch.Number.Value;
    }

    public Task StartAsync(string number, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, (batch, _, now) => { batch.Start(PersonOf(actor), now); return Task.CompletedTask; }, cancellationToken);

    public Task HoldAsync(string number, string reason, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor.Because(reason), (batch, _, now) => { batch.Hold(reason, PersonOf(actor), now); return Task.CompletedTask; }, cancellationToken);

    /// <summary>
    /// Holds, by PharmaMes's own rule, every running batch with a step in progress on the equipment (ISA-88: a batch whose
    /// unit failed is Held, not left running). Returns the batches held.
    /// </summary>
    public async Task<IReadOnlyList<string>> HoldOnEquipmentAsync(string equipmentCode, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = new PlantCode(equipmentCode);
        var running = await (from b in db.Batches.AsNoTracking()
                             join s in db.BatchSteps.AsNoTracking() on b.Id equals s.BatchId
                             where b.State == BatchState.Running && s.EquipmentCode == code
                                 && (s.State == StepState.InProgress || s.State == StepState.AwaitingVerification)
                             select b.Number).Distinct().ToListAsync(cancellationToken);
        var held = new List<string>();
        foreach (var number in running)
        {
            await ActAsync(number.Value, AuditActor.System("planning", reason), (batch, _, now) =>
            {
                if (batch.State == BatchState.Running)
                {
                    batch.Hold(reason, Person.Mes, now);
                    held.Add(batch.Number.Value);
                }
                return Task.CompletedTask;
            }, cancellationToken);
        }
        return held;
    }

    public Task ResumeAsync(string number, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, (batch, _, now) => { batch.Resume(PersonOf(actor), now); return Task.CompletedTask; }, cancellationToken);

    public Task AbortAsync(string number, string reason, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor.Because(reason), async (batch, db, now) =>
        {
            batch.Abort(reason, PersonOf(actor), now);
            // Units the aborted batch still held have had its product in them: they are dirty now.
            var held = batch.Steps.Where(s => s.State is StepState.InProgress && s.EquipmentCode is not null).Select(s => s.EquipmentCode!.Value).ToList();
            foreach (var unit in await db.Equipment.Where(e => held.Contains(e.Code)).ToListAsync(cancellationToken))
                if (unit.Status == EquipmentStatus.InUse && unit.LastBatchNumber == batch.Number.Value)
                    unit.EndUse(now);
        }, cancellationToken);

    public Task CompleteAsync(string number, AuditActor actor, CancellationToken cancellationToken = default) =>
        CompleteAsync(number, null, actor, cancellationToken);

    /// <summary>
    /// Completes the batch with what it actually made: the operator's good count, or else the line's good count over
    /// the batch's steps (<see cref="BatchYield"/>). Its finished-goods lot is booked at once, in Quarantine, with that
    /// quantity and an expiry from the product's shelf life; QA's decision then releases or rejects the lot.
    /// </summary>
    public Task CompleteAsync(string number, decimal? countedQuantity, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (batch, db, now) =>
        {
            batch.Complete(PersonOf(actor), now);
            var yield = BatchYield.Decide(batch.PlannedQuantity, await LineGoodCountAsync(db, batch, now, cancellationToken), countedQuantity);
            batch.RecordYield(yield, PersonOf(actor), now);
            await BatchOutput.BookAsync(db, batch, yield.Actual, actor, now, cancellationToken);
            var order = await db.ProductionOrders.SingleAsync(o => o.Id == batch.OrderId, cancellationToken);
            // The order is done when none of its batches is still open.
            var othersOpen = await db.Batches.AnyAsync(b => b.OrderId == order.Id && b.Id != batch.Id
                && (b.State == BatchState.Created || b.State == BatchState.Running || b.State == BatchState.Held), cancellationToken);
            if (!othersOpen && order.Status == OrderStatus.InProgress)
                order.Complete(now);
        }, cancellationToken);

    /// <summary>
    /// What the line counted good for this batch: the counter deltas of the last step's equipment that reported any
    /// while that step ran (the step that makes the finished units, e.g. the press or the packer). Null when none did.
    /// </summary>
    public async Task<long?> LineGoodCountAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batch = await db.LoadForActionAsync(number, cancellationToken);
        return await LineGoodCountAsync(db, batch, clock.GetUtcNow(), cancellationToken);
    }

    private static async Task<long?> LineGoodCountAsync(MesDbContext db, Batch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var step in batch.Steps.Where(s => s.EquipmentCode is not null && s.StartedAt is not null).OrderByDescending(s => s.Number))
        {
            var equipment = await db.Equipment.AsNoTracking().SingleOrDefaultAsync(e => e.Code == step.EquipmentCode, cancellationToken);
            if (equipment is null)
                continue;
            var (from, to) = (step.StartedAt!.Value, step.PerformedAt ?? now);
            var counts = await db.ProductionCounts.AsNoTracking().Where(c => c.EquipmentId == equipment.Id && c.At >= from && c.At <= to)
                .Select(c => c.Good).ToListAsync(cancellationToken);
            if (counts.Count > 0)
                return counts.Sum();
        }
        return null;
    }

    /// <summary>The equipment of the class a step needs, each usable or blocked with the reasons (clean, calibrated, not in use).</summary>
    public async Task<IReadOnlyList<EquipmentChoice>> EquipmentChoicesAsync(string number, int stepNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batch = await db.Batches.AsNoTracking().WithSteps().SingleOrDefaultAsync(b => b.Number == new BatchNumber(number), cancellationToken)
            ?? throw new BatchNotFoundException(number);
        var step = batch.FindStep(stepNumber) ?? throw new DomainException($"Batch {number} has no step {stepNumber}.");
        if (step.RequiredEquipmentClass is not { } equipmentClass)
            return [];
        var candidates = await db.Equipment.AsNoTracking().Where(e => e.Class == equipmentClass).OrderBy(e => e.Code).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var choices = new List<EquipmentChoice>(candidates.Count);
        foreach (var equipment in candidates)
        {
            // The same rules as starting the step: the batch that dirtied the unit may go on with it, another product may need a major clean.
            var blocked = equipment.ReasonsNotUsable(now, batch.Number.Value, batch.ProductCode.Value).ToList();
            if (equipment.Status != EquipmentStatus.InUse && await InUseByAsync(db, equipment.Code, batch.Id, cancellationToken) is { } other)
                blocked.Add($"it is in use by batch {other}");
            choices.Add(new EquipmentChoice(equipment.Code.Value, equipment.Name, equipment.State.ToString(), blocked));
        }
        return choices;
    }

    public Task StartStepAsync(string number, int stepNumber, string? equipmentCode, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (batch, db, now) =>
        {
            Equipment? equipment = null;
            if (!string.IsNullOrWhiteSpace(equipmentCode))
            {
                var code = new PlantCode(equipmentCode);
                equipment = await db.Equipment.Include(e => e.Tags).SingleOrDefaultAsync(e => e.Code == code, cancellationToken)
                    ?? throw new DomainException($"There is no equipment {code}.");
                if (await InUseByAsync(db, code, batch.Id, cancellationToken) is { } other)
                    throw new DomainException($"{code} is in use by batch {other}: choose other equipment or wait.");
            }
            batch.StartStep(stepNumber, equipment, PersonOf(actor), now);
        }, cancellationToken);

    public Task<StepOutcome> RecordValueAsync(string number, int stepNumber, string name, double value, AuditActor actor, CancellationToken cancellationToken = default) =>
        RecordValueAsync(number, stepNumber, name, value, reason: null, actor, cancellationToken);

    /// <summary>Records a typed value; a parameter captured from equipment needs the <paramref name="reason"/> it is typed instead.</summary>
    public Task<StepOutcome> RecordValueAsync(string number, int stepNumber, string name, double value, string? reason, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        ActAsync(number, string.IsNullOrWhiteSpace(reason) ? actor : actor.Because(reason), async (batch, db, now) =>
        {
            var entry = batch.RecordValue(stepNumber, name, value, reason, PersonOf(actor), now);
            return await CheckedAsync(db, batch, entry, "recorded", now, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Captures a parameter from the telemetry of the step's equipment (see <see cref="TelemetryCapture"/>): recorded
    /// with the tag and the time of the readings, checked against its limits like a typed value.
    /// </summary>
    public Task<StepOutcome> CaptureValueAsync(string number, int stepNumber, string name, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (batch, db, now) =>
        {
            var step = batch.FindStep(stepNumber) ?? throw new DomainException($"Batch {number} has no step {stepNumber}.");
            var expected = step.FindValue(name) ?? throw new DomainException($"{step.Label} has no parameter or check named '{name}'.");
            var reading = await capture.ReadAsync(db, step, expected, now, cancellationToken);
            var entry = batch.CaptureValue(stepNumber, name, reading, PersonOf(actor), now);
            return await CheckedAsync(db, batch, entry, "captured", now, cancellationToken);
        }, cancellationToken);

    /// <summary>A value outside its limits is recorded and raises a quality exception.</summary>
    private static async Task<StepOutcome> CheckedAsync(MesDbContext db, Batch batch, BatchRecordEntry entry, string how, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var exception = entry.Result == EntryResult.OutOfLimits
            ? await RaiseAsync(db, batch, (n) => QualityException.OutOfLimitValue(n, batch, entry), now, cancellationToken)
            : null;
        var value = $"{entry.Name} {Canonical(entry.Value)} {entry.Unit}";
        return Outcome(entry, exception, exception is null
            ? $"{value} {how}: within limits."
            : $"{value} is outside its limits {entry.LowLimit} – {entry.HighLimit}: {how}, and quality exception {exception.Number} raised.");
    }

    // A captured mean has many digits; the message shows what a person reads, the record keeps the full value.
    private static string Canonical(double? value) => value is { } v ? Math.Round(v, 4).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    public Task<StepOutcome> CorrectValueAsync(string number, int entrySequence, double value, string reason, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor.Because(reason), async (batch, db, now) =>
        {
            var original = await db.BatchRecordEntries.AsNoTracking().SingleOrDefaultAsync(e => e.BatchId == batch.Id && e.Sequence == entrySequence, cancellationToken)
                ?? throw new DomainException($"Batch {number} has no entry {entrySequence}.");
            var entry = batch.CorrectValue(original, value, reason, PersonOf(actor), now);
            var exception = entry.Result == EntryResult.OutOfLimits
                ? await RaiseAsync(db, batch, (n) => QualityException.OutOfLimitValue(n, batch, entry), now, cancellationToken)
                : null;
            return Outcome(entry, exception, $"Entry {entrySequence} corrected to {entry.Value} {entry.Unit}.");
        }, cancellationToken);

    /// <summary>
    /// Weighs a material for a step: checks identity, lot status, expiry and tolerance; refuses a
    /// wrong or unusable lot; records the dispense and issues the quantity from the lot's stock.
    /// </summary>
    public Task<StepOutcome> DispenseAsync(string number, int stepNumber, string materialCode, string lotNumber, decimal amount, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        DispenseAsync(number, stepNumber, materialCode, lotNumber, amount, null, null, actor, cancellationToken);

    /// <param name="labelExpiry">The expiry date a scanned GS1 label carries (AI 17): it must be the lot's, or the container is not the lot it claims.</param>
    /// <param name="typed">
    /// Null when the weight is the scale's reading (the step's booth and its calibration are recorded); else the weight was typed,
    /// with the reason, which the booth's scale makes required.
    /// </param>
    public Task<StepOutcome> DispenseAsync(string number, int stepNumber, string materialCode, string lotNumber, decimal amount, DateOnly? labelExpiry,
        TypedWeight? typed, AuditActor actor, CancellationToken cancellationToken = default) =>
        DispenseAsync(number, stepNumber, materialCode, lotNumber, amount, labelExpiry, typed, null, actor, cancellationToken);

    /// <param name="scale">
    /// For a weight from the scale: its gross and tare readings and whether they were stable; the amount must be their difference (net).
    /// </param>
    public Task<StepOutcome> DispenseAsync(string number, int stepNumber, string materialCode, string lotNumber, decimal amount, DateOnly? labelExpiry,
        TypedWeight? typed, ScaleWeighing? scale, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (batch, db, now) =>
        {
            if (scale is not null && scale.Gross - scale.Tare != amount)
                throw new DomainException($"The quantity {amount} is not the scale's net weight {scale.Gross - scale.Tare} (gross {scale.Gross} − tare {scale.Tare}): take the reading again.");
            var booth = batch.FindStep(stepNumber)?.EquipmentCode is { } boothCode
                ? await db.Equipment.AsNoTracking().Include(e => e.Tags).SingleOrDefaultAsync(e => e.Code == boothCode, cancellationToken)
                : null;
            var hasScale = booth?.Tags.Any(t => t.Role == TagRole.ScaleWeight) == true;
            var weighing = typed is null && hasScale
                ? scale is null
                    ? Weighing.ByScale(booth!.Code.Value, booth.CalibrationDueOn)
                    : Weighing.ByScale(booth!.Code.Value, booth.CalibrationDueOn, scale.Gross, scale.Tare, scale.Stable)
                : Weighing.Typed(typed?.Reason, hasScale);
            var lineMaterial = new MaterialCode(materialCode);
            var lotCode = new LotNumber(lotNumber);
            var lot = await db.MaterialLots.SingleOrDefaultAsync(l => l.Number == lotCode, cancellationToken)
                ?? throw new DomainException($"There is no lot {lotCode}. Check the label and scan or type it again.");
            if (labelExpiry is { } printed && printed != lot.ExpiryDate)
                throw new DomainException($"The label's expiry (17) {printed:yyyy-MM-dd} is not lot {lotCode}'s expiry {lot.ExpiryDate:yyyy-MM-dd}: "
                    + "the container may not be the lot it claims. Set it aside and tell QA.");
            var material = await db.Materials.SingleAsync(m => m.Id == lot.MaterialId, cancellationToken);
            var line = batch.FindStep(stepNumber)?.FindMaterial(lineMaterial)
                ?? throw new DomainException($"Step {stepNumber} of batch {number} does not dispense {lineMaterial}.");
            var quantity = new Quantity(amount, line.TargetQuantity.Unit);
            var entry = batch.RecordDispense(stepNumber, lineMaterial, material, lot, quantity, PersonOf(actor), now, weighing);
            // Read (and tracked) now: the save posts to this version of the balance, or is refused
            // because another batch drew on the lot meanwhile, and then recomputed.
            var balance = await db.LotBalances.SingleAsync(b => b.LotId == lot.Id, cancellationToken);
            db.InventoryLedger.Add(InventoryLedgerEntry.IssueToBatch(lot, quantity, new Quantity(balance.OnHand, material.Unit), batch.Number.Value, now, actor.Name));
            var exception = entry.Result == EntryResult.OutOfLimits
                ? await RaiseAsync(db, batch, (n) => QualityException.OutOfToleranceDispense(n, batch, entry), now, cancellationToken)
                : null;
            return Outcome(entry, exception, exception is null
                ? $"{quantity} of {lineMaterial} from lot {lotCode} dispensed: within tolerance."
                : $"{quantity} of {lineMaterial} is outside its tolerance {entry.LowLimit} – {entry.HighLimit}: recorded, and quality exception {exception.Number} raised.");
        }, cancellationToken);

    /// <summary>Returns unused material of a dispensed line to its lot's stock (a goods issue reversal, 262, to the ERP).</summary>
    public Task<StepOutcome> ReturnMaterialAsync(string number, int stepNumber, string materialCode, decimal amount, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (batch, db, now) =>
        {
            var entry = batch.ReturnMaterial(stepNumber, new MaterialCode(materialCode), amount, PersonOf(actor), now);
            var lot = await db.MaterialLots.SingleAsync(l => l.Number == entry.LotNumber!.Value, cancellationToken);
            db.InventoryLedger.Add(InventoryLedgerEntry.ReturnFromBatch(lot, entry.Quantity!.Value, batch.Number.Value, now, actor.Name));
            return Outcome(entry, null, $"{entry.Quantity} of {materialCode} returned to lot {lot.Number}.");
        }, cancellationToken);

    /// <summary>Writes off dispensed material that was lost, with the reason: it counts as used, none comes back to stock.</summary>
    public Task<StepOutcome> RecordWasteAsync(string number, int stepNumber, string materialCode, decimal amount, string reason, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        ActAsync(number, actor.Because(reason), (batch, _, now) =>
        {
            var entry = batch.RecordWaste(stepNumber, new MaterialCode(materialCode), amount, reason, PersonOf(actor), now);
            return Task.FromResult(Outcome(entry, null, $"{entry.Quantity} of {materialCode} written off as waste."));
        }, cancellationToken);

    /// <summary>
    /// The operator signs the step as performed. Excursions of its equipment while it ran are
    /// added to the record first (each with a quality exception), so the signature covers them.
    /// </summary>
    public Task CompleteStepAsync(string number, int stepNumber, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (batch, db, now) =>
        {
            await RecordExcursionsAsync(db, batch, stepNumber, now, cancellationToken);
            var used = batch.FindStep(stepNumber)?.EquipmentCode is { } code
                ? await db.Equipment.SingleOrDefaultAsync(e => e.Code == code, cancellationToken)
                : null;
            batch.CompleteStep(stepNumber, PersonOf(actor), now, used);
            await SignStepAsync(db, batch, stepNumber, SignatureMeaning.Performed, credentials, actor, cancellationToken);
        }, cancellationToken);

    /// <summary>A second person signs the step as verified; never the one who performed it.</summary>
    public Task VerifyStepAsync(string number, int stepNumber, SignatureCredentials credentials, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, async (batch, db, now) =>
        {
            batch.VerifyStep(stepNumber, PersonOf(actor), now);
            await SignStepAsync(db, batch, stepNumber, SignatureMeaning.Verified, credentials, actor, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// A supervisor skips a step with a reason and signs the skip (the step's Performed signature covers
    /// "Skipped" and the reason). A quality exception is raised that QA closes before the batch is released.
    /// Who may skip is the caller's rule (supervisors); the signature makes the skip theirs.
    /// </summary>
    public Task<StepOutcome> SkipStepAsync(string number, int stepNumber, string reason, SignatureCredentials credentials, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        ActAsync(number, actor.Because(reason), async (batch, db, now) =>
        {
            var entry = batch.SkipStep(stepNumber, reason, PersonOf(actor), now);
            await SignStepAsync(db, batch, stepNumber, SignatureMeaning.Performed, credentials, actor, cancellationToken);
            var exception = await RaiseAsync(db, batch, (n) => QualityException.StepSkipped(n, batch, entry), now, cancellationToken);
            return Outcome(entry, exception, $"Step {stepNumber} skipped and signed; quality exception {exception.Number} raised: QA closes it before release.");
        }, cancellationToken);

    public Task CommentAsync(string number, int? stepNumber, string text, AuditActor actor, CancellationToken cancellationToken = default) =>
        ActAsync(number, actor, (batch, _, now) => { batch.AddComment(stepNumber, text, PersonOf(actor), now); return Task.CompletedTask; }, cancellationToken);

    private async Task SignStepAsync(MesDbContext db, Batch batch, int stepNumber, SignatureMeaning meaning, SignatureCredentials credentials, AuditActor actor,
        CancellationToken cancellationToken)
    {
        var step = batch.FindStep(stepNumber)!;
        var signature = await signing.SignAsync(db, actor, credentials,
            new SignatureRequest(meaning, "BatchStep", step.Id, batch.StepContent(stepNumber, meaning)), cancellationToken);
        batch.RecordStepSignature(stepNumber, signature);
    }

    /// <summary>Excursions on the step's equipment that overlap the time the step ran and are not in the record yet.</summary>
    private static async Task RecordExcursionsAsync(MesDbContext db, Batch batch, int stepNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = batch.FindStep(stepNumber);
        if (step?.EquipmentCode is not { } code || step.StartedAt is not { } started)
            return;
        var equipment = await db.Equipment.Include(e => e.Tags).SingleAsync(e => e.Code == code, cancellationToken);
        var excursions = await db.Excursions.AsNoTracking()
            .Where(x => x.EquipmentId == equipment.Id && x.StartedAt <= now && (x.EndedAt == null || x.EndedAt >= started))
            .OrderBy(x => x.StartedAt).ToListAsync(cancellationToken);
        foreach (var excursion in excursions)
        {
            var entry = batch.RecordExcursion(stepNumber, equipment, excursion, now);
            await RaiseAsync(db, batch, (n) => QualityException.ExcursionDuringStep(n, batch, entry), now, cancellationToken);
        }
    }

    private static async Task<QualityException> RaiseAsync(MesDbContext db, Batch batch, Func<QualityExceptionNumber, QualityException> raise, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<QualityException>().Count(e => e.State == EntityState.Added);
        var exception = raise(await RecordNumbers.NextExceptionAsync(db, now, pending, cancellationToken));
        db.QualityExceptions.Add(exception);
        batch.NoteQualityExceptionRaised(exception);
        return exception;
    }

    private static StepOutcome Outcome(BatchRecordEntry entry, QualityException? exception, string message) =>
        new(entry.Sequence, entry.Result?.ToString(), exception?.Number.Value, message);

    /// <summary>The batch, other than <paramref name="batchId"/>, with a step started and not yet done on the equipment.</summary>
    private static async Task<string?> InUseByAsync(MesDbContext db, PlantCode code, Guid batchId, CancellationToken cancellationToken)
    {
        var other = await db.BatchSteps.AsNoTracking()
            .Where(s => s.EquipmentCode == code && s.BatchId != batchId && (s.State == StepState.InProgress || s.State == StepState.AwaitingVerification))
            .Select(s => s.BatchId).FirstOrDefaultAsync(cancellationToken);
        if (other == Guid.Empty)
            return null;
        return (await db.Batches.AsNoTracking().Where(b => b.Id == other).Select(b => b.Number).SingleAsync(cancellationToken)).Value;
    }

    private Task ActAsync(string number, AuditActor actor, Func<Batch, MesDbContext, DateTimeOffset, Task> action, CancellationToken cancellationToken) =>
        ActAsync(number, actor, async (batch, db, now) => { await action(batch, db, now); return true; }, cancellationToken);

    /// <summary>How often an action is recomputed when another batch drew on the same lot at the same moment.</summary>
    private const int StockConflictAttempts = 3;

    /// <summary>
    /// Loads the batch, applies one action, and saves it with everything it appended, or nothing.
    /// When another batch posted to the same lot in between, the action is recomputed from the stock
    /// as it is now (it may then find too little); a conflict on the batch itself is for a person to see.
    /// </summary>
    private async Task<T> ActAsync<T>(string number, AuditActor actor, Func<Batch, MesDbContext, DateTimeOffset, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await OpenAsync(actor, cancellationToken);
            var batch = await db.LoadForActionAsync(number, cancellationToken);
            var result = await action(batch, db, clock.GetUtcNow());
            db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
            // Equipment taken or freed by this action: its status in context (current batch) changes.
            var equipment = db.ChangeTracker.Entries<BatchStep>()
                .Where(e => e.State == EntityState.Modified && e.Property(s => s.State).IsModified && e.Entity.EquipmentCode is not null)
                .Select(e => e.Entity.EquipmentCode!.Value.Value).Distinct().ToList();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict) when (attempt < StockConflictAttempts && conflict.Entries.All(e => e.Entity is LotBalance))
            {
                continue;
            }
            catch (DbUpdateConcurrencyException conflict) when (conflict.Entries.Any(e => e.Entity is ProductionOrder or MaterialLot))
            {
                throw ChangedMeanwhileException.Of(conflict);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException("Someone else recorded on this batch at the same moment. The screen shows the batch as it is now: check it and try again.");
            }
            foreach (var code in equipment)
                notifier.Publish(new EquipmentBatchChanged(code));
            return result;
        }
    }

    private async Task<MesDbContext> OpenAsync(AuditActor actor, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        return db;
    }

    internal static Person PersonOf(AuditActor actor) =>
        new(actor.UserId ?? throw new DomainException("Only a signed-in person can act on a batch."), actor.Name);
}
