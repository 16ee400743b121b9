using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Recipes;

/// <summary>
/// One step of a master recipe (ISA-88 recipe procedure, at the level operators work at): what to do,
/// on which class of equipment, which set points to record and which checks to take. Steps run in
/// number order, 1..n. Changed only through its <see cref="MasterRecipe"/>, and only while that is a Draft.
/// </summary>
public class RecipeStep
{
    public const int NameMaxLength = 80;
    public const int InstructionsMaxLength = 4000;

    private readonly List<ProcessParameter> _parameters = [];
    private readonly List<InProcessCheck> _checks = [];

    public Guid Id { get; private set; }
    public Guid RecipeId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; } = "";
    public string Instructions { get; private set; } = "";
    /// <summary>The class of equipment the step runs on; any fit equipment of that class may be used. Null: no equipment.</summary>
    public EquipmentClass? RequiredEquipmentClass { get; private set; }
    /// <summary>
    /// Whether a second person must verify the step after it is performed. Performed-by is always
    /// recorded; verification is for critical steps (dispensing, charging of the active ingredient).
    /// </summary>
    public bool RequiresVerification { get; private set; }
    public IReadOnlyList<ProcessParameter> Parameters => [.. _parameters.OrderBy(p => p.Position)];
    public IReadOnlyList<InProcessCheck> Checks => [.. _checks.OrderBy(c => c.Position)];

    /// <summary>"Step 3 Compression", as operators and reviewers name a step.</summary>
    public string Label => $"Step {Number} {Name}";

    protected RecipeStep() { }

    internal RecipeStep(Guid recipeId, int number, string name, string instructions, EquipmentClass? requiredEquipmentClass, bool requiresVerification)
    {
        Id = Ids.New();
        RecipeId = recipeId;
        Number = number;
        Change(name, instructions, requiredEquipmentClass, requiresVerification);
    }

    internal void Change(string name, string instructions, EquipmentClass? requiredEquipmentClass, bool requiresVerification)
    {
        if (requiredEquipmentClass is { } equipmentClass && !Enum.IsDefined(equipmentClass))
            throw new DomainException($"'{equipmentClass}' is not an equipment class.");
        Name = Guard.Text(name, "A step name", NameMaxLength);
        Instructions = Guard.Text(instructions, $"The instruction text of step {Number}", InstructionsMaxLength);
        RequiredEquipmentClass = requiredEquipmentClass;
        RequiresVerification = requiresVerification;
    }

    internal void Renumber(int number) => Number = number;

    public ProcessParameter? FindParameter(string? name) =>
        _parameters.FirstOrDefault(p => SameName(p.Name, name));

    public InProcessCheck? FindCheck(string? name) =>
        _checks.FirstOrDefault(c => SameName(c.Name, name));

    internal ProcessParameter AddParameter(string name, UnitOfMeasure unit, double target, ValueRange limits)
    {
        name = Guard.Text(name, "A parameter name", ProcessParameter.NameMaxLength);
        EnsureNameIsFree(name);
        var parameter = new ProcessParameter(Id, _parameters.Count, name, unit, target, limits);
        _parameters.Add(parameter);
        return parameter;
    }

    internal ProcessParameter ChangeParameter(string name, UnitOfMeasure unit, double target, ValueRange limits)
    {
        var parameter = FindParameter(name) ?? throw new DomainException($"{Label} has no parameter named '{name}'.");
        parameter.Change(unit, target, limits);
        return parameter;
    }

    internal ProcessParameter CaptureParameter(string name, TagName? tag, CaptureMode mode)
    {
        var parameter = FindParameter(name) ?? throw new DomainException($"{Label} has no parameter named '{name}'.");
        if (tag is not null && RequiredEquipmentClass is null)
            throw new DomainException($"{Label} names no equipment class: there is no equipment to capture '{parameter.Name}' from.");
        parameter.CaptureFrom(tag, mode);
        return parameter;
    }

    internal void RemoveParameter(string name)
    {
        var parameter = FindParameter(name) ?? throw new DomainException($"{Label} has no parameter named '{name}'.");
        _parameters.Remove(parameter);
        var position = 0;
        foreach (var remaining in _parameters.OrderBy(p => p.Position))
            remaining.MoveTo(position++);
    }

    internal InProcessCheck AddCheck(string name, UnitOfMeasure unit, ValueRange limits)
    {
        name = Guard.Text(name, "A check name", InProcessCheck.NameMaxLength);
        EnsureNameIsFree(name);
        var check = new InProcessCheck(Id, _checks.Count, name, unit, limits);
        _checks.Add(check);
        return check;
    }

    internal InProcessCheck ChangeCheck(string name, UnitOfMeasure unit, ValueRange limits)
    {
        var check = FindCheck(name) ?? throw new DomainException($"{Label} has no check named '{name}'.");
        check.Change(unit, limits);
        return check;
    }

    internal void RemoveCheck(string name)
    {
        var check = FindCheck(name) ?? throw new DomainException($"{Label} has no check named '{name}'.");
        _checks.Remove(check);
        var position = 0;
        foreach (var remaining in _checks.OrderBy(c => c.Position))
            remaining.MoveTo(position++);
    }

    internal RecipeStep CopyFor(Guid recipeId)
    {
        var copy = new RecipeStep(recipeId, Number, Name, Instructions, RequiredEquipmentClass, RequiresVerification);
        copy._parameters.AddRange(Parameters.Select(p => p.CopyFor(copy.Id)));
        copy._checks.AddRange(Checks.Select(c => c.CopyFor(copy.Id)));
        return copy;
    }

    internal void AddTo(SignedContent content)
    {
        content.Add("Step", Number)
            .Add("Step name", Name)
            .Add("Instructions", Instructions)
            .Add("Equipment class", RequiredEquipmentClass)
            .Add("Requires verification", RequiresVerification)
            .Add("Parameters", _parameters.Count);
        foreach (var parameter in Parameters)
            content.Add("Parameter", parameter.Name)
                .Add("Unit", parameter.Unit)
                .Add("Target", parameter.Target)
                .Add("Low", parameter.Limits.Low)
                .Add("High", parameter.Limits.High);
        // Only captured parameters add lines, so the content of recipes signed before capture existed is unchanged.
        foreach (var parameter in Parameters.Where(p => p.IsCaptured))
            content.Add("Captured", parameter.Name)
                .Add("Tag", parameter.CaptureTag!.Value.Value)
                .Add("Capture", parameter.CaptureMode.ToString());
        content.Add("Checks", _checks.Count);
        foreach (var check in Checks)
            content.Add("Check", check.Name)
                .Add("Unit", check.Unit)
                .Add("Low", check.Limits.Low)
                .Add("High", check.Limits.High);
    }

    // Parameters and checks share one name space: the batch record names a recorded value by it.
    private void EnsureNameIsFree(string name)
    {
        if (FindParameter(name) is not null || FindCheck(name) is not null)
            throw new DomainException($"{Label} already has a parameter or check named '{name}'.");
    }

    internal static bool SameName(string a, string? b) =>
        string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
