using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Recipes;

/// <summary>
/// A measurement taken on the product during a step (in-process control), e.g. tablet hardness
/// 80 – 120 N. It has limits but no set point: the process is not steered by it.
/// </summary>
public class InProcessCheck
{
    public const int NameMaxLength = 80;

    public Guid Id { get; private set; }
    public Guid RecipeStepId { get; private set; }
    /// <summary>Where the check comes in its step's list, from 0.</summary>
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public UnitOfMeasure Unit { get; private set; }
    public ValueRange Limits { get; private set; }

    protected InProcessCheck() { }

    internal InProcessCheck(Guid recipeStepId, int position, string name, UnitOfMeasure unit, ValueRange limits)
    {
        Id = Ids.New();
        RecipeStepId = recipeStepId;
        Position = position;
        Name = Guard.Text(name, "A check name", NameMaxLength);
        Change(unit, limits);
    }

    internal void Change(UnitOfMeasure unit, ValueRange limits)
    {
        if (unit.Symbol is null)
            throw new DomainException($"Check '{Name}' needs a unit of measure.");
        Unit = unit;
        Limits = limits;
    }

    internal void MoveTo(int position) => Position = position;

    internal InProcessCheck CopyFor(Guid recipeStepId) => new(recipeStepId, Position, Name, Unit, Limits);
}
