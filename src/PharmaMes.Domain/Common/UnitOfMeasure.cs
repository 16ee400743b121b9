namespace PharmaMes.Domain.Common;

/// <summary>A unit symbol as people write it on the floor: kg, g, L, °C, %, rpm, kN, tablets/min, pcs.</summary>
public readonly record struct UnitOfMeasure
{
    public const int MaxLength = 16;

    public string Symbol { get; }

    public UnitOfMeasure(string symbol)
    {
        Symbol = Guard.Text(symbol, "A unit of measure", MaxLength);
    }

    public override string ToString() => Symbol;
}
