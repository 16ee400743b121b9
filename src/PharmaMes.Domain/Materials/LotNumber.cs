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

    /// <summary>The lot number in <paramref name="text"/>, or null when it cannot be one (a lookup by it then finds nothing).</summary>
    public static LotNumber? TryParse(string? text)
    {
        var trimmed = text?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(trimmed) ? new LotNumber(trimmed) : null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]*$")]
    private static partial Regex Pattern();
}
