using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Materials;

/// <summary>The number printed on a lot's label and scanned on the floor; stored upper-case.</summary>
public readonly partial record struct LotNumber
{
    public const int MaxLength = 40;

    public string Value { get; }

    public LotNumber(string value)
    {
        var text = Guard.Text(value, "A lot number", MaxLength).ToUpperInvariant();
        if (!Pattern().IsMatch(text))
            throw new DomainException($"The lot number '{text}' may hold only letters, digits, '-', '_', '.' and '/'.");
        Value = text;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]*$")]
    private static partial Regex Pattern();
}
