using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Materials;

/// <summary>A material master code as the ERP knows it, e.g. <c>API-PARA</c> or <c>100045</c>; stored upper-case.</summary>
public readonly partial record struct MaterialCode
{
    public const int MaxLength = 40;

    public string Value { get; }

    public MaterialCode(string value)
    {
        var text = Guard.Text(value, "A material code", MaxLength).ToUpperInvariant();
        if (!Pattern().IsMatch(text))
            throw new DomainException($"The material code '{text}' may hold only letters, digits, '-', '_' and '.'.");
        Value = text;
    }

    /// <summary>The material code in <paramref name="text"/>, or null when it cannot be one (a lookup by it then finds nothing).</summary>
    public static MaterialCode? TryParse(string? text)
    {
        var trimmed = text?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(trimmed) ? new MaterialCode(trimmed) : null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$")]
    private static partial Regex Pattern();
}
