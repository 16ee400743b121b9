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

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$")]
    private static partial Regex Pattern();
}
