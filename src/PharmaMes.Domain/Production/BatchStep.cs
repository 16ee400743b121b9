using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Production;

/// <summary>
/// A step of a batch (ISA-88 control recipe step), copied from the recipe step with the values to
/// record and the materials to dispense. Changed only through its <see cref="Batch"/>, which keeps
/// the forced sequence and writes every change into the batch record.
/// </summary>
/// <remarks>
/// Verification: completing a step records who performed it. A step that needs verification then
/// waits in <see cref="StepState.AwaitingVerification"/> until a second person verifies it, and only
/// then is Completed; the next step cannot start before.
/// </remarks>
public class BatchStep
{
    public const int ReasonMaxLength = 500;

    private readonly List<BatchStepValue> _values = [];
    private readonly List<BatchStepMaterial> _materials = [];

    public Guid Id { get; private set; }
    public Guid BatchId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; } = "";
    public string Instructions { get; private set; } = "";
    public Guid RecipeStepId { get; private set; }
    public EquipmentClass? RequiredEquipmentClass { get; private set; }
    public bool RequiresVerification { get; private set; }
    public StepState State { get; private set; }
    /// <summary>The equipment the step ran on, chosen when it started.</summary>
    public PlantCode? EquipmentCode { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public Guid? StartedById { get; private set; }
    public string? StartedByName { get; private set; }
    /// <summary>When the step was performed (or skipped).</summary>
    public DateTimeOffset? PerformedAt { get; private set; }
    /// <summary>Who performed the step, or decided to skip it.</summary>
    public Guid? PerformedById { get; private set; }
    public string? PerformedByName { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public Guid? VerifiedById { get; private set; }
    public string? VerifiedByName { get; private set; }
    /// <summary>When the step became Completed (after verification, when needed) or Skipped.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? SkipReason { get; private set; }
    public IReadOnlyList<BatchStepValue> Values => [.. _values.OrderBy(v => v.Position)];
    public IReadOnlyList<BatchStepMaterial> Materials =>
        [.. _materials.OrderBy(m => m.MaterialCode.Value, StringComparer.Ordinal)];

    /// <summary>"Step 3 Compression", as operators and reviewers name a step.</summary>
    public string Label => $"Step {Number} {Name}";

    /// <summary>Completed or Skipped: the next step may start.</summary>
    public bool IsDone => State is StepState.Completed or StepState.Skipped;

    protected BatchStep() { }

    private BatchStep(Guid batchId, RecipeStep step)
    {
        Id = Ids.New();
        BatchId = batchId;
        Number = step.Number;
        Name = step.Name;
        Instructions = step.Instructions;
        RecipeStepId = step.Id;
        RequiredEquipmentClass = step.RequiredEquipmentClass;
        RequiresVerification = step.RequiresVerification;
        State = StepState.Pending;
    }

    internal static BatchStep FromRecipe(Guid batchId, RecipeStep step, IEnumerable<BillOfMaterialsLine> lines, decimal scale)
    {
        var batchStep = new BatchStep(batchId, step);
        var position = 0;
        foreach (var parameter in step.Parameters)
            batchStep._values.Add(BatchStepValue.FromParameter(batchStep.Id, position++, parameter));
        foreach (var check in step.Checks)
            batchStep._values.Add(BatchStepValue.FromCheck(batchStep.Id, position++, check));
        batchStep._materials.AddRange(lines.Select(line => BatchStepMaterial.FromRecipe(batchStep.Id, line, scale)));
        return batchStep;
    }

    public BatchStepValue? FindValue(string? name) => _values.FirstOrDefault(v => RecipeStep.SameName(v.Name, name));

    public BatchStepMaterial? FindMaterial(MaterialCode materialCode) => _materials.FirstOrDefault(m => m.MaterialCode == materialCode);

    /// <summary>
    /// Equipment gating: a step that needs a class of equipment runs on fit equipment of that class;
    /// any equipment chosen must be usable now (Idle, clean, calibrated).
    /// </summary>
    internal void Start(Equipment? equipment, BatchNumber batch, MaterialCode product, Person by, DateTimeOffset at)
    {
        StepStateMachine.EnsureCanChange(State, StepState.InProgress, Label);
        if (RequiredEquipmentClass is { } required)
        {
            if (equipment is null)
                throw new DomainException($"{Label} runs on a {required}: choose the equipment to use.");
            if (equipment.Class != required)
                throw new DomainException($"{Label} runs on a {required}; {equipment.Code} is a {equipment.Class}.");
        }
        // The unit is taken by this batch (In use) or refused with what to do about it.
        equipment?.StartUse(batch.Value, product.Value, at);
        State = StepState.InProgress;
        EquipmentCode = equipment?.Code;
        StartedAt = at;
        StartedById = by.Id;
        StartedByName = by.Name;
    }

    /// <summary>Records who performed the step. Every value must be recorded and every material dispensed.</summary>
    internal void Complete(Person by, DateTimeOffset at)
    {
        if (State != StepState.InProgress)
            throw new DomainException($"{Label} is {State}: only a step in progress can be completed.");
        var missing = _values.Where(v => !v.IsRecorded).OrderBy(v => v.Position).Select(v => v.Name)
            .Concat(_materials.Where(m => !m.IsDispensed).Select(m => m.MaterialCode.Value))
            .ToList();
        if (missing.Count > 0)
            throw new DomainException($"{Label} cannot be completed: nothing is recorded yet for {string.Join(", ", missing)}.");
        var next = RequiresVerification ? StepState.AwaitingVerification : StepState.Completed;
        StepStateMachine.EnsureCanChange(State, next, Label);
        State = next;
        PerformedAt = at;
        PerformedById = by.Id;
        PerformedByName = by.Name;
        if (next == StepState.Completed)
            CompletedAt = at;
    }

    internal void Verify(Person by, DateTimeOffset at)
    {
        if (!RequiresVerification)
            throw new DomainException($"{Label} does not need verification.");
        if (State != StepState.AwaitingVerification)
            throw new DomainException($"{Label} is {State}: only a performed step awaiting verification can be verified.");
        SegregationOfDuties.EnsureVerifierIsNotPerformer(PerformedById, by.Id);
        StepStateMachine.EnsureCanChange(State, StepState.Completed, Label);
        State = StepState.Completed;
        VerifiedAt = at;
        VerifiedById = by.Id;
        VerifiedByName = by.Name;
        CompletedAt = at;
    }

    internal void Skip(string reason, Person by, DateTimeOffset at)
    {
        var text = Guard.Text(reason, $"A reason for skipping {Label}", ReasonMaxLength);
        StepStateMachine.EnsureCanChange(State, StepState.Skipped, Label);
        State = StepState.Skipped;
        SkipReason = text;
        PerformedAt = at;
        PerformedById = by.Id;
        PerformedByName = by.Name;
        CompletedAt = at;
    }

    /// <summary>The ids of everyone who started, performed or verified the step.</summary>
    public IEnumerable<Guid> ExecutorIds() =>
        new[] { StartedById, PerformedById, VerifiedById }.OfType<Guid>();

    /// <summary>
    /// What a step signature signs. Performed: the batch and step, the equipment, who started and
    /// performed it and when, whether it was skipped and why, and the value in force of every
    /// parameter, check and dispense. Verified: the same, plus who verified and when. The step's
    /// state is not in it, so a verification does not invalidate the performer's signature, while a
    /// later correction of a value does.
    /// </summary>
    public SignedContent Content(BatchNumber batchNumber, SignatureMeaning meaning)
    {
        if (meaning is not (SignatureMeaning.Performed or SignatureMeaning.Verified))
            throw new DomainException($"A batch step is signed as Performed or Verified, not {meaning}.");
        if (PerformedById is null)
            throw new DomainException($"{Label} has not been performed yet: there is nothing to sign.");
        if (meaning == SignatureMeaning.Verified && VerifiedById is null)
            throw new DomainException($"{Label} has not been verified yet: there is nothing to sign as Verified.");
        var content = new SignedContent()
            .Add("Batch", batchNumber)
            .Add("Step", Number)
            .Add("Step name", Name)
            .Add("Outcome", SkipReason is null ? "Performed" : "Skipped")
            .Add("Skip reason", SkipReason)
            .Add("Equipment", EquipmentCode)
            .Add("Started at", StartedAt)
            .Add("Started by", StartedById)
            .Add("Performed at", PerformedAt)
            .Add("Performed by", PerformedById)
            .Add("Values", _values.Count);
        foreach (var value in Values)
            content.Add("Value", value.Name).Add("Recorded", value.LastValue).Add("Entry", value.LastEntrySequence);
        content.Add("Materials", _materials.Count);
        foreach (var material in Materials)
            content.Add("Material", material.MaterialCode)
                .Add("Lot", material.DispensedLot)
                .Add("Amount", material.DispensedAmount is { } amount ? Canonical.Number(amount) : null)
                .Add("Entry", material.DispenseEntrySequence);
        if (meaning == SignatureMeaning.Verified)
            content.Add("Verified at", VerifiedAt).Add("Verified by", VerifiedById);
        return content;
    }
}
