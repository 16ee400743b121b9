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

    /// <summary>The batch number in <paramref name="text"/>, or null when it cannot be one (a lookup by it then finds nothing).</summary>
    public static BatchNumber? TryParse(string? text)
    {
        var trimmed = text?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(trimmed) ? new BatchNumber(trimmed) : null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]*$")]
    private static partial Regex Pattern();
}
