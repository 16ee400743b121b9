using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Domain.Production;

/// <summary>
/// The window a weighed amount must fall in: the target less a percentage, to the target plus a
/// percentage, both ends included. Amounts in another unit are refused, never converted.
/// </summary>
public readonly record struct DispenseTolerance
{
    public Quantity Target { get; }
    public decimal PercentBelow { get; }
    public decimal PercentAbove { get; }

    public DispenseTolerance(Quantity target, decimal percentBelow, decimal percentAbove)
    {
        Target = target.Unit.Symbol is null || target.Amount <= 0
            ? throw new DomainException("A dispense target must be more than zero.")
            : target;
        PercentBelow = Guard.Percent(percentBelow, "The tolerance below target");
        PercentAbove = Guard.Percent(percentAbove, "The tolerance above target");
    }

    public Quantity Low => new(Target.Amount * (100 - PercentBelow) / 100, Target.Unit);

    public Quantity High => new(Target.Amount * (100 + PercentAbove) / 100, Target.Unit);

    public bool Accepts(Quantity actual)
    {
        if (actual.Unit != Target.Unit)
            throw new DomainException($"{actual} cannot be checked against a target of {Target}: weigh it in {Target.Unit}.");
        return actual.Amount >= Low.Amount && actual.Amount <= High.Amount;
    }

    public EntryResult Check(Quantity actual) => Accepts(actual) ? EntryResult.WithinLimits : EntryResult.OutOfLimits;

    /// <summary>"9.8 – 10.2 kg": the window as the weighing screen shows it.</summary>
    public override string ToString() => $"{Canonical.Number(Low.Amount)} – {Canonical.Number(High.Amount)} {Target.Unit}";
}
