using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Recipes;

/// <summary>
/// What changed from one recipe version to another, for the "compare versions" page and the
/// approver's review. Materials are matched by code, steps by name (a renamed step shows as
/// removed and added), parameters and checks by name within their step. Ids never count.
/// </summary>
public static class RecipeComparison
{
    public static IReadOnlyList<RecipeDifference> Compare(MasterRecipe from, MasterRecipe to)
    {
        var differences = new List<RecipeDifference>();
        void Changed(string what) => differences.Add(new(DifferenceKind.Changed, what));

        if (from.ProductCode != to.ProductCode)
            Changed($"Product {from.ProductCode} -> {to.ProductCode}");
        if (from.ProductName != to.ProductName)
            Changed($"Product name '{from.ProductName}' -> '{to.ProductName}'");
        if (from.StandardBatchSize.Unit != to.StandardBatchSize.Unit
            || from.StandardBatchSize.Amount != to.StandardBatchSize.Amount)
            Changed($"Standard batch size {from.StandardBatchSize} -> {to.StandardBatchSize}");
        if (from.Description != to.Description)
            Changed("Description changed");

        CompareMaterials(from, to, differences);
        CompareSteps(from, to, differences);
        return differences;
    }

    private static void CompareMaterials(MasterRecipe from, MasterRecipe to, List<RecipeDifference> differences)
    {
        foreach (var old in from.BillOfMaterials.Where(l => to.FindMaterial(l.MaterialCode) is null))
            differences.Add(new(DifferenceKind.Removed, $"Material {old.MaterialCode}: {old.Describe()}"));
        foreach (var line in to.BillOfMaterials)
        {
            if (from.FindMaterial(line.MaterialCode) is not { } old)
            {
                differences.Add(new(DifferenceKind.Added, $"Material {line.MaterialCode}: {line.Describe()}"));
                continue;
            }
            var what = $"Material {line.MaterialCode}";
            if (old.Quantity.Unit != line.Quantity.Unit || old.Quantity.Amount != line.Quantity.Amount)
                differences.Add(new(DifferenceKind.Changed, $"{what}: quantity {old.Quantity} -> {line.Quantity}"));
            if (old.TolerancePercentBelow != line.TolerancePercentBelow || old.TolerancePercentAbove != line.TolerancePercentAbove)
                differences.Add(new(DifferenceKind.Changed, $"{what}: tolerance {Tolerance(old)} -> {Tolerance(line)}"));
            if (old.StepNumber != line.StepNumber)
                differences.Add(new(DifferenceKind.Changed, $"{what}: dispensed in step {old.StepNumber} -> {line.StepNumber}"));
        }
    }

    private static void CompareSteps(MasterRecipe from, MasterRecipe to, List<RecipeDifference> differences)
    {
        foreach (var old in from.Steps.Where(s => FindStep(to, s.Name) is null))
            differences.Add(new(DifferenceKind.Removed, old.Label));
        foreach (var step in to.Steps)
        {
            if (FindStep(from, step.Name) is not { } old)
            {
                differences.Add(new(DifferenceKind.Added, step.Label));
                continue;
            }
            var what = step.Label;
            void Changed(string change) => differences.Add(new(DifferenceKind.Changed, $"{what}: {change}"));

            if (old.Number != step.Number)
                Changed($"moved from {old.Number} to {step.Number}");
            if (old.Name != step.Name)
                Changed($"name '{old.Name}' -> '{step.Name}'");
            if (old.Instructions != step.Instructions)
                Changed("instructions changed");
            if (old.RequiredEquipmentClass != step.RequiredEquipmentClass)
                Changed($"equipment class {old.RequiredEquipmentClass?.ToString() ?? "none"} -> {step.RequiredEquipmentClass?.ToString() ?? "none"}");
            if (old.RequiresVerification != step.RequiresVerification)
                Changed($"verification required {YesNo(old.RequiresVerification)} -> {YesNo(step.RequiresVerification)}");

            foreach (var parameter in old.Parameters.Where(p => step.FindParameter(p.Name) is null))
                differences.Add(new(DifferenceKind.Removed, $"{what}: parameter {parameter.Name} (target {parameter.Target} {parameter.Unit}, limits {parameter.Limits} {parameter.Unit})"));
            foreach (var parameter in step.Parameters)
            {
                if (old.FindParameter(parameter.Name) is not { } before)
                {
                    differences.Add(new(DifferenceKind.Added, $"{what}: parameter {parameter.Name} (target {parameter.Target} {parameter.Unit}, limits {parameter.Limits} {parameter.Unit})"));
                    continue;
                }
                if (before.Target != parameter.Target || before.Unit != parameter.Unit)
                    Changed($"parameter {parameter.Name} target {Values(before.Target, before.Unit, parameter.Target, parameter.Unit)}");
                if (before.Limits != parameter.Limits || before.Unit != parameter.Unit)
                    Changed($"parameter {parameter.Name} limits {Values(before.Limits, before.Unit, parameter.Limits, parameter.Unit)}");
            }

            foreach (var check in old.Checks.Where(c => step.FindCheck(c.Name) is null))
                differences.Add(new(DifferenceKind.Removed, $"{what}: check {check.Name} (limits {check.Limits} {check.Unit})"));
            foreach (var check in step.Checks)
            {
                if (old.FindCheck(check.Name) is not { } before)
                {
                    differences.Add(new(DifferenceKind.Added, $"{what}: check {check.Name} (limits {check.Limits} {check.Unit})"));
                    continue;
                }
                if (before.Limits != check.Limits || before.Unit != check.Unit)
                    Changed($"check {check.Name} limits {Values(before.Limits, before.Unit, check.Limits, check.Unit)}");
            }
        }
    }

    private static RecipeStep? FindStep(MasterRecipe recipe, string name) =>
        recipe.Steps.FirstOrDefault(s => RecipeStep.SameName(s.Name, name));

    private static string Tolerance(BillOfMaterialsLine line) =>
        $"-{Canonical.Number(line.TolerancePercentBelow)}/+{Canonical.Number(line.TolerancePercentAbove)} %";

    /// <summary>"12 -> 14 kN" in one unit, "12 kN -> 12000 N" when the unit changed too.</summary>
    private static string Values(object before, UnitOfMeasure beforeUnit, object after, UnitOfMeasure afterUnit) =>
        beforeUnit == afterUnit ? $"{before} -> {after} {afterUnit}" : $"{before} {beforeUnit} -> {after} {afterUnit}";

    private static string YesNo(bool value) => value ? "yes" : "no";
}
