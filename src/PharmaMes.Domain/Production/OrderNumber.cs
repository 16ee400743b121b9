using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Production;

/// <summary>The number of a production order as planning and the ERP know it, e.g. <c>PO-2026-0001</c>; stored upper-case.</summary>
public readonly partial record struct OrderNumber
{
    public const int MaxLength = 30;

    public string Value { get; }

    public OrderNumber(string value)
    {
        var text = Guard.Text(value, "An order number", MaxLength).ToUpperInvariant();
        if (!Pattern().IsMatch(text))
            throw new DomainException($"The order number '{text}' may hold only letters, digits, '-', '_', '.' and '/', and must start with a letter or digit.");
        Value = text;
    }

    /// <summary>The order number in <paramref name="text"/>, or null when it cannot be one (a lookup by it then finds nothing).</summary>
    public static OrderNumber? TryParse(string? text)
    {
        var trimmed = text?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(trimmed) ? new OrderNumber(trimmed) : null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]*$")]
    private static partial Regex Pattern();
}
