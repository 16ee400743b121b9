namespace PharmaMes.Infrastructure.Recipes;

/// <summary>
/// A bill of materials line: the amount for the standard batch in the material's own unit, the
/// dispense tolerance below and above it in percent, and the step that dispenses it.
/// </summary>
public sealed record MaterialLineInput(string? MaterialCode, decimal Quantity, decimal TolerancePercentBelow, decimal TolerancePercentAbove, int StepNumber);
