using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Domain.Production;

/// <summary>The checks made when an operator weighs a material for a batch step.</summary>
public static class Dispensing
{
    /// <summary>
    /// Every reason the dispense of <paramref name="quantity"/> from <paramref name="lot"/> of
    /// <paramref name="material"/> against <paramref name="line"/> is not acceptable; empty when it is.
    /// See <see cref="DispenseProblem.RefusesDispense"/> for which ones refuse it.
    /// </summary>
    public static IReadOnlyList<DispenseProblem> Check(BatchStepMaterial line, MaterialLot lot, Material material, Quantity quantity, DateOnly today)
    {
        var problems = new List<DispenseProblem>();
        if (material.Code != line.MaterialCode)
            problems.Add(new(DispenseProblemKind.WrongMaterial, $"This line needs {line.MaterialCode}, not {material.Code}."));
        if (lot.MaterialId != material.Id)
            problems.Add(new(DispenseProblemKind.WrongMaterial, $"Lot {lot.Number} is not a lot of {material.Code}."));
        if (lot.ReasonNotUsable(today) is { } reason)
            problems.Add(new(lot.Status == LotStatus.Released ? DispenseProblemKind.LotExpired : DispenseProblemKind.LotNotReleased, reason));
        if (quantity.Unit != line.TargetQuantity.Unit)
            problems.Add(new(DispenseProblemKind.WrongUnit, $"{quantity} is not in {line.TargetQuantity.Unit}, the unit of the target {line.TargetQuantity}."));
        else if (!line.Tolerance.Accepts(quantity))
            problems.Add(new(DispenseProblemKind.OutOfTolerance,
                $"{quantity} of {line.MaterialCode} is outside its tolerance {line.Tolerance} (target {line.TargetQuantity})."));
        return problems;
    }
}
