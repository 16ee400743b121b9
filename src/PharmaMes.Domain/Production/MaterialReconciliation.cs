using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Domain.Production;

/// <summary>
/// The material balance of a batch (21 CFR 211.103, 211.186(b)(7)): per material, what the recipe required and
/// what was issued, returned unused and written off; consumed = issued − returned − wasted, flagged when it lies
/// outside the recipe's limits (the dispense tolerances of its lines) or when a line was never issued.
/// </summary>
public sealed record MaterialReconciliation(IReadOnlyList<MaterialReconciliation.Line> Lines)
{
    public sealed record Line(MaterialCode Material, UnitOfMeasure Unit, decimal Required, decimal Low, decimal High,
        decimal Issued, decimal Returned, decimal Wasted, bool FullyIssued)
    {
        public decimal Consumed => Issued - Returned - Wasted;
        /// <summary>Consumed against required, in percent (100 = exactly as the recipe says).</summary>
        public decimal PercentOfRequired => Required == 0 ? 0 : Math.Round(Consumed / Required * 100, 2);
        public bool WithinLimits => FullyIssued && Consumed >= Low && Consumed <= High;
    }

    public bool AllWithinLimits => Lines.All(l => l.WithinLimits);

    internal static MaterialReconciliation Of(Batch batch) =>
        new([.. batch.Steps.SelectMany(s => s.Materials)
            .GroupBy(m => (m.MaterialCode, m.TargetQuantity.Unit))
            .OrderBy(g => g.Key.MaterialCode.Value, StringComparer.Ordinal)
            .Select(g => new Line(g.Key.MaterialCode, g.Key.Unit,
                g.Sum(m => m.TargetQuantity.Amount),
                g.Sum(m => m.Tolerance.Low.Amount),
                g.Sum(m => m.Tolerance.High.Amount),
                g.Sum(m => m.DispensedAmount ?? 0),
                g.Sum(m => m.ReturnedAmount),
                g.Sum(m => m.WastedAmount),
                g.All(m => m.IsDispensed)))]);
}
