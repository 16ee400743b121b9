using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// The code of a site, area, line or equipment in the ISA-95 equipment hierarchy. Codes are
/// the segments of MQTT topics, so they hold only upper-case letters, digits, '-' and '_'
/// (never '/', '+', '#' or spaces), start with a letter or digit, and are stored upper-case.
/// </summary>
public readonly partial record struct PlantCode
{
    public const int MaxLength = 32;

    public string Value { get; }

    public PlantCode(string value)
    {
        var text = Guard.Text(value, "A plant code", MaxLength).ToUpperInvariant();
        if (!Pattern().IsMatch(text))
            throw new DomainException(
                $"The plant code '{text}' may hold only letters, digits, '-' and '_', and must start with a letter or digit.");
        Value = text;
    }

    /// <summary>The code in <paramref name="text"/>, or null when it cannot be one (a lookup by it then finds nothing).</summary>
    public static PlantCode? TryParse(string? text)
    {
        var trimmed = text?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(trimmed) ? new PlantCode(trimmed) : null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]*$")]
    private static partial Regex Pattern();
}
