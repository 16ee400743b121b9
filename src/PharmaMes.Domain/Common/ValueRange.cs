namespace PharmaMes.Domain.Common;

/// <summary>A closed range [Low, High] of a measured value, such as a tag's normal range.</summary>
public readonly record struct ValueRange
{
    public double Low { get; }
    public double High { get; }

    public ValueRange(double low, double high)
    {
        Low = Guard.Finite(low, "The low end of a range");
        High = Guard.Finite(high, "The high end of a range");
        if (low > high)
            throw new DomainException($"The low end of a range ({low}) must not be above its high end ({high}).");
    }

    public bool Contains(double value) => value >= Low && value <= High;

    public bool Contains(ValueRange inner) => inner.Low >= Low && inner.High <= High;

    public override string ToString() => $"{Low} – {High}";
}
