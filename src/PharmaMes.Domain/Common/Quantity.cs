namespace PharmaMes.Domain.Common;

/// <summary>
/// An amount of material in a unit. Never negative; adding or comparing amounts in different
/// units is refused rather than guessed (a pharma plant does not silently convert g to kg).
/// </summary>
public readonly record struct Quantity
{
    public decimal Amount { get; }
    public UnitOfMeasure Unit { get; }

    public Quantity(decimal amount, UnitOfMeasure unit)
    {
        Amount = Guard.NotNegative(amount, "A quantity");
        Unit = unit.Symbol is null ? throw new DomainException("A quantity needs a unit of measure.") : unit;
    }

    public Quantity(decimal amount, string unit) : this(amount, new UnitOfMeasure(unit)) { }

    public static Quantity Zero(UnitOfMeasure unit) => new(0m, unit);

    public Quantity Add(Quantity other) => new(Amount + SameUnit(other).Amount, Unit);

    public Quantity Subtract(Quantity other)
    {
        SameUnit(other);
        if (other.Amount > Amount)
            throw new DomainException($"Cannot take {other} from {this}: not enough.");
        return new(Amount - other.Amount, Unit);
    }

    public bool IsLessThan(Quantity other) => Amount < SameUnit(other).Amount;

    private Quantity SameUnit(Quantity other) =>
        other.Unit == Unit
            ? other
            : throw new DomainException($"Quantities in {Unit} and {other.Unit} cannot be combined.");

    public override string ToString() => $"{Amount:0.###} {Unit}";
}
