using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Quality;

/// <summary>The number of a quality exception (deviation), e.g. <c>QE-2026-0007</c>; stored upper-case.</summary>
public readonly partial record struct QualityExceptionNumber
{
    public const int MaxLength = 30;

    public string Value { get; }

    public QualityExceptionNumber(string value)
    {
        var text = Guard.Text(value, "A quality exception number", MaxLength).ToUpperInvariant();
        if (!Pattern().IsMatch(text))
            throw new DomainException($"The quality exception number '{text}' may hold only letters, digits, '-', '_', '.' and '/', and must start with a letter or digit.");
        Value = text;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]*$")]
    private static partial Regex Pattern();
}
