using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Domain.Recipes;

/// <summary>
/// One line of a recipe's bill of materials: how much of a material a standard batch takes, how far
/// the weighed amount may be below or above it, and the step that dispenses it. A batch scales the
/// quantity to its own planned size.
/// </summary>
public class BillOfMaterialsLine
{
    public Guid Id { get; private set; }
    public Guid RecipeId { get; private set; }
    public MaterialCode MaterialCode { get; private set; }
    /// <summary>The amount for the recipe's standard batch size, in the unit the material is weighed in.</summary>
    public Quantity Quantity { get; private set; }
    /// <summary>How far below the target a weighed amount may be, in percent of the target (0 – 100).</summary>
    public decimal TolerancePercentBelow { get; private set; }
    /// <summary>How far above the target a weighed amount may be, in percent of the target (0 – 100).</summary>
    public decimal TolerancePercentAbove { get; private set; }
    /// <summary>The number of the step that dispenses it; it follows the step when steps are moved.</summary>
    public int StepNumber { get; private set; }

    protected BillOfMaterialsLine() { }

    internal BillOfMaterialsLine(Guid recipeId, MaterialCode materialCode, Quantity quantity, decimal tolerancePercentBelow, decimal tolerancePercentAbove, int stepNumber)
    {
        Id = Ids.New();
        RecipeId = recipeId;
        MaterialCode = materialCode;
        Change(quantity, tolerancePercentBelow, tolerancePercentAbove, stepNumber);
    }

    internal void Change(Quantity quantity, decimal tolerancePercentBelow, decimal tolerancePercentAbove, int stepNumber)
    {
        if (quantity.Amount <= 0)
            throw new DomainException($"The quantity of {MaterialCode} must be more than zero.");
        Quantity = quantity;
        TolerancePercentBelow = Guard.Percent(tolerancePercentBelow, $"The tolerance below target of {MaterialCode}");
        TolerancePercentAbove = Guard.Percent(tolerancePercentAbove, $"The tolerance above target of {MaterialCode}");
        StepNumber = stepNumber;
    }

    internal void MoveToStep(int stepNumber) => StepNumber = stepNumber;

    /// <summary>
    /// The amount for a batch <paramref name="scale"/> times the standard size, rounded to 6 decimals
    /// (what the database keeps), so the target shown is the target checked.
    /// </summary>
    public Quantity ScaledBy(decimal scale) =>
        new(Math.Round(Quantity.Amount * scale, 6, MidpointRounding.AwayFromZero), Quantity.Unit);

    internal BillOfMaterialsLine CopyFor(Guid recipeId) =>
        new(recipeId, MaterialCode, Quantity, TolerancePercentBelow, TolerancePercentAbove, StepNumber);

    internal string Describe() =>
        $"{Quantity} in step {StepNumber}, tolerance -{Canonical.Number(TolerancePercentBelow)}/+{Canonical.Number(TolerancePercentAbove)} %";
}
