using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Production;

/// <summary>
/// A batch (ISA-88 batch, run from a control recipe): made for a released order from an Approved
/// recipe version, whose steps, values and scaled materials it copies. Steps run in order; every
/// action is written into the electronic batch record; QA releases or rejects the batch at the end.
/// </summary>
/// <remarks>
/// The batch record is its own table. A batch loaded for one action does not load its entries: it
/// keeps the next sequence number (<see cref="NextEntrySequence"/>) and hands the entries it appends
/// to the caller through <see cref="NewEntries"/> / <see cref="TakeNewEntries"/>, to be saved with it.
/// </remarks>
public class Batch
{
    public const int ReasonMaxLength = 500;
    public const int CommentMaxLength = 2000;
    /// <summary>The name on entries the system records by itself.</summary>
    public const string SystemUserName = "System";

    private readonly List<BatchStep> _steps = [];
    // Deliberately not named after NewEntries: EF Core must not take it for a navigation. The
    // entries are saved by the caller, to their own table, and never loaded into a batch.
    private readonly List<BatchRecordEntry> _unsavedEntries = [];

    public Guid Id { get; private set; }
    public BatchNumber Number { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid RecipeId { get; private set; }
    public int RecipeVersion { get; private set; }
    public MaterialCode ProductCode { get; private set; }
    public Quantity PlannedQuantity { get; private set; }
    public BatchState State { get; private set; }
    public BatchDisposition Disposition { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    /// <summary>When the batch became Completed or Aborted.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? AbortReason { get; private set; }
    /// <summary>Why the batch is held; null when it is not.</summary>
    public string? HoldReason { get; private set; }
    public DateTimeOffset? DispositionAt { get; private set; }
    public Guid? DispositionById { get; private set; }
    public string? DispositionByName { get; private set; }
    public string? RejectReason { get; private set; }
    /// <summary>The sequence the next batch record entry gets; entries are numbered 1..n without gaps.</summary>
    public int NextEntrySequence { get; private set; }
    public IReadOnlyList<BatchStep> Steps => [.. _steps.OrderBy(s => s.Number)];
    /// <summary>The entries appended since the batch was created or loaded, for the caller to save.</summary>
    public IReadOnlyList<BatchRecordEntry> NewEntries => _unsavedEntries.AsReadOnly();

    protected Batch() { }

    private Batch(ProductionOrder order, MasterRecipe recipe, BatchNumber number, Quantity plannedQuantity, DateTimeOffset at)
    {
        Id = Ids.New();
        Number = number;
        OrderId = order.Id;
        RecipeId = recipe.Id;
        RecipeVersion = recipe.Version;
        ProductCode = recipe.ProductCode;
        PlannedQuantity = plannedQuantity;
        State = BatchState.Created;
        Disposition = BatchDisposition.PendingReview;
        CreatedAt = at;
        NextEntrySequence = 1;
    }

    /// <summary>
    /// A batch of <paramref name="plannedQuantity"/> for a Released (or already InProgress) order,
    /// from an Approved version of the recipe of the order's product. Material targets are scaled
    /// from the recipe's standard batch size.
    /// </summary>
    public static Batch Create(ProductionOrder order, MasterRecipe recipe, BatchNumber number, Quantity plannedQuantity, Person createdBy, DateTimeOffset at)
    {
        if (recipe.Status != RecipeStatus.Approved)
            throw new DomainException($"{recipe.Label} is {recipe.Status}: only an Approved recipe can make a batch.");
        if (!order.AcceptsBatches)
            throw new DomainException($"Order {order.Number} is {order.Status}: a batch needs a Released order.");
        if (order.ProductCode != recipe.ProductCode)
            throw new DomainException($"Order {order.Number} is for {order.ProductCode}, but the recipe makes {recipe.ProductCode}.");
        var scale = recipe.ScaleFactorFor(plannedQuantity);
        var batch = new Batch(order, recipe, number, plannedQuantity, at);
        var lines = recipe.BillOfMaterials;
        foreach (var step in recipe.Steps)
            batch._steps.Add(BatchStep.FromRecipe(batch.Id, step, lines.Where(l => l.StepNumber == step.Number), scale));
        batch.Append(BatchRecordEntryKind.BatchCreated, createdBy, at,
            text: $"Order {order.Number}, {recipe.Label}, planned {plannedQuantity}.");
        return batch;
    }

    // ----- The batch -----

    public BatchRecordEntry Start(Person by, DateTimeOffset at)
    {
        ChangeState(BatchState.Running);
        StartedAt = at;
        return Append(BatchRecordEntryKind.BatchStarted, by, at);
    }

    public BatchRecordEntry Hold(string reason, Person by, DateTimeOffset at)
    {
        var text = Guard.Text(reason, "A reason for holding a batch", ReasonMaxLength);
        ChangeState(BatchState.Held);
        HoldReason = text;
        return Append(BatchRecordEntryKind.BatchHeld, by, at, text: text);
    }

    public BatchRecordEntry Resume(Person by, DateTimeOffset at)
    {
        ChangeState(BatchState.Running);
        HoldReason = null;
        return Append(BatchRecordEntryKind.BatchResumed, by, at);
    }

    /// <summary>Ends a running batch whose steps are all Completed or Skipped.</summary>
    public BatchRecordEntry Complete(Person by, DateTimeOffset at)
    {
        BatchStateMachine.EnsureCanChange(State, BatchState.Completed, Number);
        var open = Steps.Where(s => !s.IsDone).Select(s => $"{s.Label} is {s.State}").ToList();
        if (open.Count > 0)
            throw new DomainException($"Batch {Number} cannot be completed: {string.Join("; ", open)}.");
        ChangeState(BatchState.Completed);
        CompletedAt = at;
        return Append(BatchRecordEntryKind.BatchCompleted, by, at);
    }

    /// <summary>Records what the completed batch actually made; once, since its lot is booked with it.</summary>
    public BatchRecordEntry RecordYield(BatchYield yield, Person by, DateTimeOffset at)
    {
        if (State != BatchState.Completed)
            throw new DomainException($"Batch {Number} is {State}: its yield is recorded when it completes.");
        if (_unsavedEntries.Any(e => e.Kind == BatchRecordEntryKind.YieldRecorded))
            throw new DomainException($"The yield of batch {Number} is already recorded.");
        if (yield.Actual.Unit != PlannedQuantity.Unit)
            throw new DomainException($"The yield of batch {Number} is counted in {PlannedQuantity.Unit}, not {yield.Actual.Unit}.");
        return Append(BatchRecordEntryKind.YieldRecorded, by, at, name: "Yield", value: (double)yield.Actual.Amount, target: (double)PlannedQuantity.Amount,
            text: yield.Describe(PlannedQuantity), unit: PlannedQuantity.Unit, amount: yield.Actual.Amount,
            result: yield.OutsideReconciliation ? EntryResult.OutOfLimits : EntryResult.WithinLimits);
    }

    /// <summary>Gives the batch up; it then waits for QA to reject it.</summary>
    public BatchRecordEntry Abort(string reason, Person by, DateTimeOffset at)
    {
        var text = Guard.Text(reason, "A reason for aborting a batch", ReasonMaxLength);
        ChangeState(BatchState.Aborted);
        AbortReason = text;
        HoldReason = null;
        CompletedAt = at;
        return Append(BatchRecordEntryKind.BatchAborted, by, at, text: text);
    }

    // ----- Steps -----

    public BatchStep? FindStep(int number) => _steps.FirstOrDefault(s => s.Number == number);

    /// <summary>
    /// Starts a step of a Running batch once every earlier step is Completed or Skipped. A step that
    /// needs a class of equipment must be given usable equipment of that class.
    /// </summary>
    public BatchRecordEntry StartStep(int number, Equipment? equipment, Person by, DateTimeOffset at)
    {
        EnsureStepActionsAllowed();
        var step = StepAt(number);
        StepStateMachine.EnsureCanChange(step.State, StepState.InProgress, step.Label);
        EnsureEarlierStepsDone(step, "start");
        step.Start(equipment, Number, ProductCode, by, at);
        var entry = Append(BatchRecordEntryKind.StepStarted, by, at, step.Number, step.Name);
        if (equipment is not null)
            Append(BatchRecordEntryKind.EquipmentUsed, by, at, step.Number, equipment.Code.Value, text: equipment.Name);
        return entry;
    }

    /// <summary>
    /// Records who performed a step in progress. A step that needs verification then awaits it;
    /// any other step is Completed.
    /// </summary>
    public BatchRecordEntry CompleteStep(int number, Person performer, DateTimeOffset at, Equipment? usedEquipment = null)
    {
        EnsureStepActionsAllowed();
        var step = StepAt(number);
        step.Complete(performer, at);
        // Product has left the unit: it is dirty with this batch's product until cleaned.
        if (usedEquipment is not null && step.EquipmentCode == usedEquipment.Code && usedEquipment.Status == EquipmentStatus.InUse)
            usedEquipment.EndUse(at);
        return Append(BatchRecordEntryKind.StepCompleted, performer, at, step.Number, step.Name,
            text: step.State == StepState.AwaitingVerification ? "Awaiting verification." : null);
    }

    /// <summary>A second person verifies a performed step, which completes it.</summary>
    public BatchRecordEntry VerifyStep(int number, Person verifier, DateTimeOffset at)
    {
        EnsureStepActionsAllowed();
        var step = StepAt(number);
        step.Verify(verifier, at);
        return Append(BatchRecordEntryKind.StepVerified, verifier, at, step.Number, step.Name);
    }

    /// <summary>
    /// Skips a step not yet started, in sequence like starting it, with a reason. The caller raises
    /// a quality exception (<c>QualityException.StepSkipped</c>).
    /// </summary>
    public BatchRecordEntry SkipStep(int number, string reason, Person by, DateTimeOffset at)
    {
        EnsureStepActionsAllowed();
        var step = StepAt(number);
        StepStateMachine.EnsureCanChange(step.State, StepState.Skipped, step.Label);
        EnsureEarlierStepsDone(step, "skip");
        step.Skip(reason, by, at);
        return Append(BatchRecordEntryKind.StepSkipped, by, at, step.Number, step.Name, text: step.SkipReason);
    }

    // ----- Values and materials -----

    /// <summary>
    /// Records a parameter or check value of a step in progress, with its limits and the result. A
    /// value outside the limits is recorded and flagged, never refused; the caller raises a quality
    /// exception for it (<c>QualityException.OutOfLimitValue</c>).
    /// </summary>
    public BatchRecordEntry RecordValue(int stepNumber, string name, double value, Person by, DateTimeOffset at) =>
        RecordValue(stepNumber, name, value, reason: null, by, at);

    /// <summary>
    /// Records a typed value. A parameter the recipe captures from the equipment is typed only with a
    /// <paramref name="reason"/> (the device is offline, the reading is known wrong), kept in the entry.
    /// </summary>
    public BatchRecordEntry RecordValue(int stepNumber, string name, double value, string? reason, Person by, DateTimeOffset at)
    {
        EnsureStepActionsAllowed();
        var step = StepInProgress(stepNumber, "values are recorded");
        var expected = step.FindValue(name)
            ?? throw new DomainException($"{step.Label} has no parameter or check named '{name}'.");
        string? text = null;
        if (expected.IsCaptured)
        {
            if (string.IsNullOrWhiteSpace(reason))
                throw new DomainException(
                    $"{expected.Name} is captured from {step.EquipmentCode?.ToString() ?? "the step's equipment"} {expected.CaptureTag}: capture it, or give a reason for typing it instead.");
            text = "Typed instead of captured: " + Guard.Text(reason, "A reason for typing a captured value", ReasonMaxLength);
        }
        var result = LimitCheck.Check(value, expected.Limits);
        var entry = Append(BatchRecordEntryKind.ValueRecorded, by, at, step.Number, expected.Name,
            value: value, target: expected.Target, text: text, unit: expected.Unit, limits: expected.Limits, result: result);
        expected.Took(entry);
        return entry;
    }

    /// <summary>
    /// Records a parameter captured from the telemetry of the equipment running the step: the value
    /// with the tag and the time of the readings, checked against the limits like a typed one.
    /// </summary>
    public BatchRecordEntry CaptureValue(int stepNumber, string name, CapturedReading reading, Person by, DateTimeOffset at)
    {
        EnsureStepActionsAllowed();
        var step = StepInProgress(stepNumber, "values are captured");
        var expected = step.FindValue(name)
            ?? throw new DomainException($"{step.Label} has no parameter or check named '{name}'.");
        if (!expected.IsCaptured)
            throw new DomainException($"{expected.Name} is not captured from equipment: type it.");
        if (step.EquipmentCode != reading.Equipment || expected.CaptureTag != reading.Tag || expected.CaptureMode != reading.Mode)
            throw new DomainException(
                $"{expected.Name} is captured as {expected.CaptureMode} of {step.EquipmentCode} {expected.CaptureTag}, not as {reading.Mode} of {reading.Equipment} {reading.Tag}.");
        Guard.Finite(reading.Value, $"The captured value of {expected.Name}");
        if (reading.To > at || reading.From > reading.To)
            throw new DomainException($"The readings captured for {expected.Name} must lie before the moment of recording.");
        var result = LimitCheck.Check(reading.Value, expected.Limits);
        var entry = Append(BatchRecordEntryKind.ValueCaptured, by, at, step.Number, expected.Name,
            value: reading.Value, target: expected.Target, text: reading.Describe(), unit: expected.Unit, limits: expected.Limits, result: result);
        entry.CapturedFromReadings(reading);
        expected.Took(entry);
        return entry;
    }

    /// <summary>
    /// Corrects a recorded value: a new entry with the new value and the reason, pointing to the
    /// entry it supersedes, which stays as it was. Possible until QA's disposition.
    /// </summary>
    public BatchRecordEntry CorrectValue(BatchRecordEntry original, double value, string reason, Person by, DateTimeOffset at)
    {
        if (original.BatchId != Id)
            throw new DomainException($"Entry {original.Sequence} is not an entry of batch {Number}.");
        if (original.Kind is not (BatchRecordEntryKind.ValueRecorded or BatchRecordEntryKind.ValueCaptured or BatchRecordEntryKind.ValueCorrected))
            throw new DomainException($"Entry {original.Sequence} is a {original.Kind} entry: only a recorded value can be corrected.");
        EnsureRecordOpen();
        var text = Guard.Text(reason, "A reason for the correction", ReasonMaxLength);
        var step = StepAt(original.StepNumber ?? 0);
        var expected = step.FindValue(original.Name)
            ?? throw new DomainException($"{step.Label} has no parameter or check named '{original.Name}'.");
        var result = LimitCheck.Check(value, expected.Limits);
        var entry = Append(BatchRecordEntryKind.ValueCorrected, by, at, step.Number, expected.Name,
            value: value, target: expected.Target, text: text, unit: expected.Unit, limits: expected.Limits, result: result,
            correctsSequence: original.Sequence);
        // Correcting an older reading does not replace a newer one.
        if (expected.LastEntrySequence == original.Sequence)
            expected.Took(entry);
        return entry;
    }

    /// <summary>
    /// Records the dispense of <paramref name="quantity"/> from <paramref name="lot"/> for the line of
    /// <paramref name="lineMaterial"/> in a step in progress. A wrong material, a lot that may not be
    /// used or a wrong unit is refused (nothing recorded); an amount outside the tolerance is recorded
    /// and flagged, and the caller raises a quality exception (<c>QualityException.OutOfToleranceDispense</c>).
    /// </summary>
    public BatchRecordEntry RecordDispense(int stepNumber, MaterialCode lineMaterial, Material material, MaterialLot lot, Quantity quantity, Person by, DateTimeOffset at,
        Weighing? weighing = null)
    {
        EnsureStepActionsAllowed();
        var step = StepInProgress(stepNumber, "materials are dispensed");
        var line = step.FindMaterial(lineMaterial)
            ?? throw new DomainException(step.Materials.Count == 0
                ? $"{step.Label} dispenses no material."
                : $"{step.Label} does not dispense {lineMaterial}; it dispenses {string.Join(", ", step.Materials.Select(m => m.MaterialCode))}.");
        if (line.IsDispensed)
            throw new DomainException($"{lineMaterial} has already been dispensed in {step.Label} (lot {line.DispensedLot}, {line.DispensedQuantity}).");
        if (quantity.Amount <= 0)
            throw new DomainException("The dispensed quantity must be more than zero.");
        var refusals = Dispensing.Check(line, lot, material, quantity, DateOnly.FromDateTime(at.UtcDateTime))
            .Where(p => p.RefusesDispense).Select(p => p.Message).ToList();
        if (refusals.Count > 0)
            throw new DomainException(string.Join(" ", refusals));
        var tolerance = line.Tolerance;
        var entry = Append(BatchRecordEntryKind.MaterialDispensed, by, at, step.Number, line.MaterialCode.Value,
            target: (double)line.TargetQuantity.Amount, text: weighing is null ? material.Name : $"{material.Name} — {weighing.Describe()}", unit: quantity.Unit,
            limits: new ValueRange((double)tolerance.Low.Amount, (double)tolerance.High.Amount),
            result: tolerance.Check(quantity), lotNumber: lot.Number, amount: quantity.Amount);
        line.Dispensed(entry);
        return entry;
    }

    /// <summary>
    /// Returns unused material of a dispensed line to its lot: at most what is left of the dispensed amount.
    /// Possible while the batch runs or is held, and after completion until QA's disposition (line clearance).
    /// The caller puts the quantity back into the lot's stock.
    /// </summary>
    public BatchRecordEntry ReturnMaterial(int stepNumber, MaterialCode material, decimal amount, Person by, DateTimeOffset at)
    {
        var line = AccountableLine(stepNumber, material, amount, "returned");
        var entry = Append(BatchRecordEntryKind.MaterialReturned, by, at, stepNumber, material.Value, text: "Returned to its lot unused.",
            unit: line.TargetQuantity.Unit, lotNumber: line.DispensedLot, amount: amount);
        line.Returned(amount);
        return entry;
    }

    /// <summary>Writes off dispensed material that was lost (spilt, rejected in process), with the reason; no stock comes back.</summary>
    public BatchRecordEntry RecordWaste(int stepNumber, MaterialCode material, decimal amount, string reason, Person by, DateTimeOffset at)
    {
        var text = Guard.Text(reason, "A reason for the waste", ReasonMaxLength);
        var line = AccountableLine(stepNumber, material, amount, "written off");
        var entry = Append(BatchRecordEntryKind.MaterialWasted, by, at, stepNumber, material.Value, text: text,
            unit: line.TargetQuantity.Unit, lotNumber: line.DispensedLot, amount: amount);
        line.Wasted(amount);
        return entry;
    }

    /// <summary>Per material: required, issued, returned, wasted and consumed, against the recipe's limits.</summary>
    public MaterialReconciliation Reconcile() => MaterialReconciliation.Of(this);

    private BatchStepMaterial AccountableLine(int stepNumber, MaterialCode material, decimal amount, string what)
    {
        if (State is not (BatchState.Running or BatchState.Held or BatchState.Completed))
            throw new DomainException($"Batch {Number} is {State}: material is {what} while it runs, is held, or after completion until QA's decision.");
        EnsureRecordOpen();
        var step = StepAt(stepNumber);
        var line = step.FindMaterial(material) ?? throw new DomainException($"{step.Label} does not dispense {material}.");
        if (!line.IsDispensed)
            throw new DomainException($"{material} has not been dispensed in {step.Label}: there is nothing to account for.");
        if (amount <= 0)
            throw new DomainException($"The quantity {what} must be more than zero.");
        if (amount > line.Unaccounted)
            throw new DomainException(
                $"{Canonical.Number(amount)} {line.TargetQuantity.Unit} cannot be {what}: of the {line.DispensedQuantity} of {material} dispensed in {step.Label}, " +
                $"{Canonical.Number(line.Unaccounted)} {line.TargetQuantity.Unit} is left to account for.");
        return line;
    }

    /// <summary>
    /// Records, as the system, an excursion of the equipment a step runs on. The caller raises a
    /// quality exception (<c>QualityException.ExcursionDuringStep</c>).
    /// </summary>
    public BatchRecordEntry RecordExcursion(int stepNumber, Equipment equipment, Excursion excursion, DateTimeOffset at)
    {
        if (State is not (BatchState.Running or BatchState.Held))
            throw new DomainException($"Batch {Number} is {State}: excursions are recorded while it runs or is held.");
        if (excursion.EquipmentId != equipment.Id)
            throw new DomainException($"The excursion of {excursion.Tag} is not one of {equipment.Code}.");
        var step = StepAt(stepNumber);
        var tag = equipment.FindTag(excursion.Tag)
            ?? throw new DomainException($"{equipment.Code} has no tag named '{excursion.Tag}'.");
        return Append(BatchRecordEntryKind.Excursion, null, SystemUserName, at, step.Number, $"{equipment.Code} {tag.Name}",
            value: excursion.Peak, text: $"{excursion.Direction} excursion of {tag.Description} since {excursion.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.",
            unit: tag.Unit, limits: tag.AlarmLimits, result: EntryResult.OutOfLimits);
    }

    /// <summary>
    /// A remark on the batch or one of its steps, until QA's disposition. The disposition signs the
    /// record as it then is; new facts after it are a quality exception, not a remark.
    /// </summary>
    public BatchRecordEntry AddComment(int? stepNumber, string text, Person by, DateTimeOffset at)
    {
        if (Disposition != BatchDisposition.PendingReview)
            throw new DomainException($"Batch {Number} is {Disposition}: its record is closed. Raise a quality exception for anything found since.");
        var comment = Guard.Text(text, "A comment", CommentMaxLength);
        if (stepNumber is { } number)
            StepAt(number);
        return Append(BatchRecordEntryKind.Comment, by, at, stepNumber, text: comment);
    }

    // ----- Quality exceptions and signatures -----

    /// <summary>Notes in the record that a quality exception was raised against this batch.</summary>
    public BatchRecordEntry NoteQualityExceptionRaised(IBatchQualityException exception)
    {
        EnsureOwnException(exception);
        return Append(BatchRecordEntryKind.QualityExceptionRaised, exception.RaisedById, exception.RaisedByName, exception.RaisedAt,
            exception.StepNumber, exception.Reference, text: exception.Title);
    }

    /// <summary>Notes in the record that a quality exception of this batch was closed, with its conclusion.</summary>
    public BatchRecordEntry NoteQualityExceptionClosed(IBatchQualityException exception)
    {
        EnsureOwnException(exception);
        if (exception.IsOpen || exception.ClosedAt is not { } closedAt)
            throw new DomainException($"Quality exception {exception.Reference} is {exception.Stage}, not Closed.");
        return Append(BatchRecordEntryKind.QualityExceptionClosed, exception.ClosedById, exception.ClosedByName ?? SystemUserName, closedAt,
            exception.StepNumber, exception.Reference, text: exception.Closure);
    }

    /// <summary>
    /// The content a step signature signs (see <see cref="BatchStep.Content"/>).
    /// </summary>
    public SignedContent StepContent(int stepNumber, SignatureMeaning meaning) => StepAt(stepNumber).Content(Number, meaning);

    /// <summary>
    /// Records a Performed or Verified signature of a step in the batch record. The signer must be who
    /// performed (or verified) the step, and the signature must match the step as it is now.
    /// </summary>
    public BatchRecordEntry RecordStepSignature(int stepNumber, ElectronicSignature signature)
    {
        var step = StepAt(stepNumber);
        if (signature.SubjectId != step.Id)
            throw new DomainException($"The signature is not a signature of {step.Label} of batch {Number}.");
        var signer = signature.Meaning switch
        {
            SignatureMeaning.Performed => step.PerformedById,
            SignatureMeaning.Verified => step.VerifiedById,
            _ => throw new DomainException($"A batch step is signed as Performed or Verified, not {signature.Meaning}."),
        };
        var content = step.Content(Number, signature.Meaning);
        if (signer != signature.SignerId)
            throw new DomainException(
                $"Only the person who {signature.Meaning.ToString().ToLowerInvariant()} {step.Label} can sign it as {signature.Meaning}.");
        if (!signature.IsValidFor(content))
            throw new DomainException($"The signature does not match {step.Label} as it is now: sign it again.");
        return Append(BatchRecordEntryKind.Signature, signature.SignerId, signature.PrintedName, signature.SignedAt, step.Number,
            signature.Meaning.ToString(), text: signature.Manifestation, signatureId: signature.Id);
    }

    // ----- Disposition -----

    /// <summary>
    /// QA releases a Completed batch with no open quality exception. The releaser must not have
    /// started, performed or verified any step, and the signature (meaning Released) must match
    /// <see cref="Content"/> as it is now.
    /// </summary>
    public BatchRecordEntry Release(ElectronicSignature signature, int openExceptionCount, DateTimeOffset at)
    {
        EnsurePendingReview();
        if (State != BatchState.Completed)
            throw new DomainException($"Batch {Number} is {State}: only a Completed batch can be released.");
        if (openExceptionCount < 0)
            throw new DomainException("The number of open quality exceptions cannot be negative.");
        if (openExceptionCount > 0)
            throw new DomainException(openExceptionCount == 1
                ? $"Batch {Number} has an open quality exception: close it before release."
                : $"Batch {Number} has {openExceptionCount} open quality exceptions: close them before release.");
        SegregationOfDuties.EnsureReleaserDidNotExecute(_steps.SelectMany(s => s.ExecutorIds()), signature.SignerId);
        EnsureDispositionSignature(signature, SignatureMeaning.Released);
        return Decide(BatchDisposition.Released, signature, null, at);
    }

    /// <summary>QA rejects a Completed or Aborted batch, with a reason and a signature (meaning Rejected).</summary>
    public BatchRecordEntry Reject(ElectronicSignature signature, string reason, DateTimeOffset at)
    {
        EnsurePendingReview();
        if (State is not (BatchState.Completed or BatchState.Aborted))
            throw new DomainException($"Batch {Number} is {State}: only a Completed or Aborted batch can be rejected.");
        var text = Guard.Text(reason, "A reason for rejecting a batch", ReasonMaxLength);
        EnsureDispositionSignature(signature, SignatureMeaning.Rejected);
        return Decide(BatchDisposition.Rejected, signature, text, at);
    }

    /// <summary>
    /// What a disposition signature signs: the batch, its product and recipe, every step's state and
    /// who performed and verified it, and how many entries the record holds (its last sequence),
    /// leaving out only the disposition's own entry. Any entry appended after the disposition
    /// therefore makes the signature invalid.
    /// </summary>
    public SignedContent Content()
    {
        var content = new SignedContent()
            .Add("Batch", Number)
            .Add("Product", ProductCode)
            .Add("Recipe", RecipeId)
            .Add("Recipe version", RecipeVersion)
            .Add("Planned quantity", Canonical.Number(PlannedQuantity.Amount))
            .Add("Planned unit", PlannedQuantity.Unit)
            .Add("State", State)
            .Add("Steps", _steps.Count);
        foreach (var step in Steps)
            content.Add("Step", step.Number)
                .Add("Step name", step.Name)
                .Add("Step state", step.State)
                .Add("Performed by", step.PerformedById)
                .Add("Verified by", step.VerifiedById);
        var entries = NextEntrySequence - 1 - (Disposition == BatchDisposition.PendingReview ? 0 : 1);
        return content.Add("Entries", entries).Add("Last entry", entries);
    }

    /// <summary>Hands over the entries appended so far and forgets them, so that a second save does not add them twice.</summary>
    public IReadOnlyList<BatchRecordEntry> TakeNewEntries()
    {
        var entries = _unsavedEntries.ToArray();
        _unsavedEntries.Clear();
        return entries;
    }

    private BatchRecordEntry Decide(BatchDisposition disposition, ElectronicSignature signature, string? reason, DateTimeOffset at)
    {
        Disposition = disposition;
        DispositionAt = at;
        DispositionById = signature.SignerId;
        DispositionByName = signature.PrintedName;
        RejectReason = reason;
        return Append(BatchRecordEntryKind.Disposition, signature.SignerId, signature.PrintedName, at, null, disposition.ToString(),
            text: reason, signatureId: signature.Id);
    }

    private void EnsureDispositionSignature(ElectronicSignature signature, SignatureMeaning meaning)
    {
        if (signature.Meaning != meaning)
            throw new DomainException($"The signature means {signature.Meaning}; a {meaning.ToString().ToLowerInvariant()} batch needs one that means {meaning}.");
        if (signature.SubjectId != Id)
            throw new DomainException($"The signature is not a signature of batch {Number}.");
        if (!signature.IsValidFor(Content()))
            throw new DomainException($"The signature does not match batch {Number} as it is now: review the record and sign again.");
    }

    private void EnsurePendingReview()
    {
        if (Disposition != BatchDisposition.PendingReview)
            throw new DomainException($"Batch {Number} is already {Disposition}: its disposition is final.");
    }

    private void EnsureRecordOpen()
    {
        if (Disposition != BatchDisposition.PendingReview)
            throw new DomainException($"Batch {Number} is {Disposition}: its record can no longer be corrected.");
    }

    private void EnsureOwnException(IBatchQualityException exception)
    {
        if (exception.BatchId != Id)
            throw new DomainException($"Quality exception {exception.Reference} is not raised against batch {Number}.");
    }

    private void EnsureStepActionsAllowed()
    {
        switch (State)
        {
            case BatchState.Running:
                return;
            case BatchState.Held:
                throw new DomainException($"Batch {Number} is Held ({HoldReason}): no step can be started, completed, verified or skipped, and nothing recorded in a step, until it is resumed.");
            case BatchState.Created:
                throw new DomainException($"Batch {Number} has not been started: start the batch before its steps.");
            default:
                throw new DomainException($"Batch {Number} is {State}: its steps can no longer change.");
        }
    }

    // The forced sequence: a step begins only when every step before it is done.
    private void EnsureEarlierStepsDone(BatchStep step, string action)
    {
        if (Steps.FirstOrDefault(s => s.Number < step.Number && !s.IsDone) is { } earlier)
            throw new DomainException(
                $"{step.Label} cannot {action} before {earlier.Label} is completed or skipped (it is {earlier.State}).");
    }

    private BatchStep StepInProgress(int number, string what)
    {
        var step = StepAt(number);
        if (step.State != StepState.InProgress)
            throw new DomainException($"{step.Label} is {step.State}: {what} only while a step is in progress.");
        return step;
    }

    private BatchStep StepAt(int number) =>
        FindStep(number) ?? throw new DomainException($"Batch {Number} has no step {number}: its steps are numbered 1 to {_steps.Count}.");

    private void ChangeState(BatchState to)
    {
        BatchStateMachine.EnsureCanChange(State, to, Number);
        State = to;
    }

    private BatchRecordEntry Append(BatchRecordEntryKind kind, Person by, DateTimeOffset at, int? stepNumber = null, string? name = null,
        double? value = null, double? target = null, string? text = null, UnitOfMeasure? unit = null, ValueRange? limits = null,
        EntryResult? result = null, LotNumber? lotNumber = null, decimal? amount = null, int? correctsSequence = null, Guid? signatureId = null) =>
        Append(kind, by.Id, by.Name, at, stepNumber, name, value, target, text, unit, limits, result, lotNumber, amount, correctsSequence, signatureId);

    private BatchRecordEntry Append(BatchRecordEntryKind kind, Guid? userId, string userName, DateTimeOffset at, int? stepNumber = null, string? name = null,
        double? value = null, double? target = null, string? text = null, UnitOfMeasure? unit = null, ValueRange? limits = null,
        EntryResult? result = null, LotNumber? lotNumber = null, decimal? amount = null, int? correctsSequence = null, Guid? signatureId = null)
    {
        var entry = new BatchRecordEntry(Id, NextEntrySequence, kind, at, userId, userName, stepNumber, name, value, target, text, unit, limits,
            result, lotNumber, amount, correctsSequence, signatureId);
        NextEntrySequence++;
        _unsavedEntries.Add(entry);
        return entry;
    }
}
