using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Production;

/// <summary>The number of a batch, printed on every label and document of it, e.g. <c>B-2026-0042</c>; stored upper-case.</summary>
public readonly partial record struct BatchNumber
{
    public const int MaxLength = 30;

    public string Value { get; }

    public BatchNumber(string value)
    {
        var text = Guard.Text(value, "A batch number", MaxLength).ToUpperInvariant();
        if (!Pattern().IsMatch(text))
            throw new DomainException($"The batch number '{text}' may hold only letters, digits, '-', '_', '.' and '/', and must start with a letter or digit.");
        Value = text;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]*$")]
    private static partial Regex Pattern();
}
