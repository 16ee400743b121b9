using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// The name of a process value an equipment reports (a key of the telemetry JSON):
/// lower-case letters, digits and '_', starting with a letter, e.g. <c>temperature</c>, <c>ph</c>, <c>compression_force</c>.
/// </summary>
public readonly partial record struct TagName
{
    public const int MaxLength = 40;

    public string Value { get; }

    public TagName(string value)
    {
        var text = Guard.Text(value, "A tag name", MaxLength);
        if (!Pattern().IsMatch(text))
            throw new DomainException(
                $"The tag name '{text}' may hold only lower-case letters, digits and '_', and must start with a letter.");
        Value = text;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex Pattern();
}
