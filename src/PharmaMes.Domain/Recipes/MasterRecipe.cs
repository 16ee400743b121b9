using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Recipes;

/// <summary>
/// The master batch record of a product (ISA-88 master recipe), one version of it: the bill of
/// materials for a standard batch size and the steps in order with their process parameters and
/// in-process checks. A version is written as a Draft, approved by someone other than its author,
/// and never changes after that: a change is a new version. Batches copy what they need from an
/// Approved version, so a later version or obsoletion never changes a batch already made.
/// </summary>
public class MasterRecipe
{
    public const int ProductNameMaxLength = 120;
    public const int DescriptionMaxLength = 2000;
    public const int AuthorNameMaxLength = 200;

    private readonly List<BillOfMaterialsLine> _billOfMaterials = [];
    private readonly List<RecipeStep> _steps = [];

    public Guid Id { get; private set; }
    /// <summary>The material code of the finished product the recipe makes.</summary>
    public MaterialCode ProductCode { get; private set; }
    public string ProductName { get; private set; } = "";
    /// <summary>1 for the first version of a product; (product, version) is unique.</summary>
    public int Version { get; private set; }
    public RecipeStatus Status { get; private set; }
    /// <summary>The batch size the bill of materials is written for; a batch scales it to its planned size.</summary>
    public Quantity StandardBatchSize { get; private set; }
    public string? Description { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public Guid? ApproverId { get; private set; }
    public DateTimeOffset? ObsoletedAt { get; private set; }
    /// <summary>Ordered by step, then material code.</summary>
    public IReadOnlyList<BillOfMaterialsLine> BillOfMaterials =>
        [.. _billOfMaterials.OrderBy(l => l.StepNumber).ThenBy(l => l.MaterialCode.Value, StringComparer.Ordinal)];
    /// <summary>Ordered by number, 1..n without gaps.</summary>
    public IReadOnlyList<RecipeStep> Steps => [.. _steps.OrderBy(s => s.Number)];

    /// <summary>"Version 2 of PARA-500", as messages name the recipe.</summary>
    public string Label => $"Version {Version} of {ProductCode}";

    protected MasterRecipe() { }

    private MasterRecipe(MaterialCode productCode, string productName, int version, Quantity standardBatchSize, string? description,
        Guid authorId, string authorName, DateTimeOffset at)
    {
        Id = Ids.New();
        ProductCode = productCode;
        Version = version;
        Status = RecipeStatus.Draft;
        ProductName = Guard.Text(productName, "A product name", ProductNameMaxLength);
        StandardBatchSize = PositiveBatchSize(standardBatchSize);
        Description = Guard.OptionalText(description, "A recipe description", DescriptionMaxLength);
        AuthorId = authorId == Guid.Empty ? throw new DomainException("A recipe needs its author's user id.") : authorId;
        AuthorName = Guard.Text(authorName, "The author's name", AuthorNameMaxLength);
        CreatedAt = at;
    }

    /// <summary>The first version of a product's recipe, an empty Draft.</summary>
    public static MasterRecipe Create(MaterialCode productCode, string productName, Quantity standardBatchSize,
        Guid authorId, string authorName, DateTimeOffset at, string? description = null) =>
        new(productCode, productName, 1, standardBatchSize, description, authorId, authorName, at);

    // ----- Header -----

    public void ChangeProductName(string productName)
    {
        EnsureDraft();
        ProductName = Guard.Text(productName, "A product name", ProductNameMaxLength);
    }

    public void ChangeDescription(string? description)
    {
        EnsureDraft();
        Description = Guard.OptionalText(description, "A recipe description", DescriptionMaxLength);
    }

    public void SetStandardBatchSize(Quantity standardBatchSize)
    {
        EnsureDraft();
        StandardBatchSize = PositiveBatchSize(standardBatchSize);
    }

    // ----- Steps -----

    /// <summary>Adds a step at the end.</summary>
    public RecipeStep AddStep(string name, string instructions, EquipmentClass? requiredEquipmentClass = null, bool requiresVerification = false)
    {
        EnsureDraft();
        EnsureStepNameIsFree(name, null);
        var step = new RecipeStep(Id, _steps.Count + 1, name, instructions, requiredEquipmentClass, requiresVerification);
        _steps.Add(step);
        return step;
    }

    public RecipeStep UpdateStep(int number, string name, string instructions, EquipmentClass? requiredEquipmentClass, bool requiresVerification)
    {
        EnsureDraft();
        var step = StepAt(number);
        EnsureStepNameIsFree(name, step);
        step.Change(name, instructions, requiredEquipmentClass, requiresVerification);
        return step;
    }

    /// <summary>Moves a step to another place; the steps in between shift and keep 1..n, materials follow their step.</summary>
    public void MoveStep(int number, int newNumber)
    {
        EnsureDraft();
        var step = StepAt(number);
        if (newNumber < 1 || newNumber > _steps.Count)
            throw new DomainException($"{step.Label} can move to a place from 1 to {_steps.Count}, not {newNumber}.");
        var ordered = _steps.OrderBy(s => s.Number).ToList();
        ordered.Remove(step);
        ordered.Insert(newNumber - 1, step);
        Renumber(ordered);
    }

    /// <summary>Removes a step with its parameters and checks; later steps move up one place.</summary>
    public void RemoveStep(int number)
    {
        EnsureDraft();
        var step = StepAt(number);
        // Materials are not dropped silently with their step: the author decides where they go.
        var dispensed = _billOfMaterials.Where(l => l.StepNumber == number).Select(l => l.MaterialCode.Value).Order(StringComparer.Ordinal).ToList();
        if (dispensed.Count > 0)
            throw new DomainException(
                $"{step.Label} dispenses {string.Join(", ", dispensed)}: move those materials to another step or remove them first.");
        _steps.Remove(step);
        Renumber(_steps.OrderBy(s => s.Number).ToList());
    }

    public RecipeStep? FindStep(int number) => _steps.FirstOrDefault(s => s.Number == number);

    // ----- Parameters and checks -----

    public ProcessParameter AddParameter(int stepNumber, string name, UnitOfMeasure unit, double target, ValueRange limits)
    {
        EnsureDraft();
        return StepAt(stepNumber).AddParameter(name, unit, target, limits);
    }

    public ProcessParameter UpdateParameter(int stepNumber, string name, UnitOfMeasure unit, double target, ValueRange limits)
    {
        EnsureDraft();
        return StepAt(stepNumber).ChangeParameter(name, unit, target, limits);
    }

    /// <summary>Has the parameter captured from <paramref name="tag"/> of the step's equipment, or (null) recorded by hand again.</summary>
    public ProcessParameter CaptureParameter(int stepNumber, string name, TagName? tag, CaptureMode mode)
    {
        EnsureDraft();
        return StepAt(stepNumber).CaptureParameter(name, tag, mode);
    }

    public void RemoveParameter(int stepNumber, string name)
    {
        EnsureDraft();
        StepAt(stepNumber).RemoveParameter(name);
    }

    public InProcessCheck AddCheck(int stepNumber, string name, UnitOfMeasure unit, ValueRange limits)
    {
        EnsureDraft();
        return StepAt(stepNumber).AddCheck(name, unit, limits);
    }

    public InProcessCheck UpdateCheck(int stepNumber, string name, UnitOfMeasure unit, ValueRange limits)
    {
        EnsureDraft();
        return StepAt(stepNumber).ChangeCheck(name, unit, limits);
    }

    public void RemoveCheck(int stepNumber, string name)
    {
        EnsureDraft();
        StepAt(stepNumber).RemoveCheck(name);
    }

    // ----- Bill of materials -----

    /// <summary>
    /// Adds a material for the standard batch size, dispensed in step <paramref name="stepNumber"/>.
    /// A material has one line per recipe, so a batch finds its target by the material code alone.
    /// </summary>
    public BillOfMaterialsLine AddMaterial(MaterialCode materialCode, Quantity quantity, decimal tolerancePercentBelow, decimal tolerancePercentAbove, int stepNumber)
    {
        EnsureDraft();
        if (materialCode == ProductCode)
            throw new DomainException($"{ProductCode} is the product of this recipe: it cannot also be one of its materials.");
        if (FindMaterial(materialCode) is { } existing)
            throw new DomainException($"{materialCode} is already in the bill of materials (step {existing.StepNumber}): change that line instead.");
        StepAt(stepNumber);
        var line = new BillOfMaterialsLine(Id, materialCode, quantity, tolerancePercentBelow, tolerancePercentAbove, stepNumber);
        _billOfMaterials.Add(line);
        return line;
    }

    public BillOfMaterialsLine UpdateMaterial(MaterialCode materialCode, Quantity quantity, decimal tolerancePercentBelow, decimal tolerancePercentAbove, int stepNumber)
    {
        EnsureDraft();
        var line = MaterialLine(materialCode);
        StepAt(stepNumber);
        line.Change(quantity, tolerancePercentBelow, tolerancePercentAbove, stepNumber);
        return line;
    }

    public void RemoveMaterial(MaterialCode materialCode)
    {
        EnsureDraft();
        _billOfMaterials.Remove(MaterialLine(materialCode));
    }

    public BillOfMaterialsLine? FindMaterial(MaterialCode materialCode) =>
        _billOfMaterials.FirstOrDefault(l => l.MaterialCode == materialCode);

    /// <summary>
    /// How many standard batches a batch of <paramref name="plannedBatchSize"/> is: every material
    /// quantity is multiplied by it. The planned size must be in the unit of the standard size.
    /// </summary>
    public decimal ScaleFactorFor(Quantity plannedBatchSize)
    {
        if (plannedBatchSize.Amount <= 0)
            throw new DomainException("The planned size of a batch must be more than zero.");
        if (plannedBatchSize.Unit != StandardBatchSize.Unit)
            throw new DomainException(
                $"The planned size {plannedBatchSize} is not in {StandardBatchSize.Unit}, the unit of the recipe's standard batch size {StandardBatchSize}.");
        return plannedBatchSize.Amount / StandardBatchSize.Amount;
    }

    // ----- Life cycle -----

    /// <summary>
    /// Approves the Draft. The approver must not be its author (segregation of duties); the caller
    /// signs <see cref="Content"/> with the Approved meaning in the same unit of work.
    /// </summary>
    public void Approve(Guid approverId, DateTimeOffset at)
    {
        RecipeStatusMachine.EnsureCanChange(Status, RecipeStatus.Approved, Label);
        if (_steps.Count == 0)
            throw new DomainException($"{Label} has no steps: a recipe needs at least one step to be approved.");
        SegregationOfDuties.EnsureApproverIsNotAuthor(AuthorId, approverId);
        Status = RecipeStatus.Approved;
        ApproverId = approverId;
        ApprovedAt = at;
    }

    /// <summary>Withdraws an Approved version: no new batch can be made with it.</summary>
    public void MakeObsolete(DateTimeOffset at)
    {
        RecipeStatusMachine.EnsureCanChange(Status, RecipeStatus.Obsolete, Label);
        Status = RecipeStatus.Obsolete;
        ObsoletedAt = at;
    }

    /// <summary>
    /// This newly approved version replaces <paramref name="previous"/>, an earlier Approved version of
    /// the same product, which becomes Obsolete. The repository finds the previous version; this checks it.
    /// </summary>
    public void Supersede(MasterRecipe previous, DateTimeOffset at)
    {
        if (Status != RecipeStatus.Approved)
            throw new DomainException($"{Label} is {Status}: only an Approved version can replace another.");
        if (previous.ProductCode != ProductCode)
            throw new DomainException($"{Label} cannot replace a recipe of another product ({previous.ProductCode}).");
        if (previous.Version >= Version)
            throw new DomainException($"{Label} can only replace an earlier version, not version {previous.Version}.");
        previous.MakeObsolete(at);
    }

    /// <summary>
    /// A new Draft, version + 1, copying everything that defines this version with new ids. The
    /// caller makes it from the latest version; the repository keeps (product, version) unique.
    /// </summary>
    public MasterRecipe NewVersion(Guid authorId, string authorName, DateTimeOffset at)
    {
        if (Status == RecipeStatus.Draft)
            throw new DomainException($"{Label} is still a Draft: change it rather than making a new version of it.");
        var copy = new MasterRecipe(ProductCode, ProductName, Version + 1, StandardBatchSize, Description, authorId, authorName, at);
        copy._steps.AddRange(Steps.Select(s => s.CopyFor(copy.Id)));
        copy._billOfMaterials.AddRange(BillOfMaterials.Select(l => l.CopyFor(copy.Id)));
        return copy;
    }

    /// <summary>
    /// What an approval signature signs: everything that defines the recipe (product, version, batch
    /// size, every material line, every step with its parameters and checks). Ids, author, times and
    /// status are not in it: approving or obsoleting does not change what was signed.
    /// </summary>
    public SignedContent Content()
    {
        var content = new SignedContent()
            .Add("Product", ProductCode)
            .Add("Product name", ProductName)
            .Add("Version", Version)
            .Add("Standard batch size", Canonical.Number(StandardBatchSize.Amount))
            .Add("Standard batch unit", StandardBatchSize.Unit)
            .Add("Description", Description)
            .Add("Materials", _billOfMaterials.Count);
        foreach (var line in BillOfMaterials)
            content.Add("Material", line.MaterialCode)
                .Add("Quantity", Canonical.Number(line.Quantity.Amount))
                .Add("Unit", line.Quantity.Unit)
                .Add("Tolerance below %", Canonical.Number(line.TolerancePercentBelow))
                .Add("Tolerance above %", Canonical.Number(line.TolerancePercentAbove))
                .Add("Dispensed in step", line.StepNumber);
        content.Add("Steps", _steps.Count);
        foreach (var step in Steps)
            step.AddTo(content);
        return content;
    }

    private void EnsureDraft()
    {
        if (Status != RecipeStatus.Draft)
            throw new DomainException($"{Label} is {Status}: it never changes; create a new version.");
    }

    private RecipeStep StepAt(int number) =>
        FindStep(number) ?? throw new DomainException(_steps.Count == 0
            ? $"{Label} has no steps yet."
            : $"{Label} has no step {number}: its steps are numbered 1 to {_steps.Count}.");

    private BillOfMaterialsLine MaterialLine(MaterialCode materialCode) =>
        FindMaterial(materialCode) ?? throw new DomainException($"{materialCode} is not in the bill of materials of {Label}.");

    // Step names are unique in a recipe: people name steps, and versions are compared step by name.
    private void EnsureStepNameIsFree(string? name, RecipeStep? self)
    {
        if (_steps.FirstOrDefault(s => s != self && RecipeStep.SameName(s.Name, name)) is { } other)
            throw new DomainException($"{Label} already has a step named '{other.Name}' (step {other.Number}).");
    }

    /// <summary>Gives the steps in <paramref name="ordered"/> the numbers 1..n; materials follow their step.</summary>
    private void Renumber(List<RecipeStep> ordered)
    {
        var newNumbers = ordered.Select((step, index) => (step.Number, New: index + 1)).ToDictionary(p => p.Number, p => p.New);
        foreach (var line in _billOfMaterials)
            line.MoveToStep(newNumbers[line.StepNumber]);
        for (var index = 0; index < ordered.Count; index++)
            ordered[index].Renumber(index + 1);
    }

    private static Quantity PositiveBatchSize(Quantity size) =>
        size.Unit.Symbol is null || size.Amount <= 0
            ? throw new DomainException("The standard batch size must be more than zero.")
            : size;
}
