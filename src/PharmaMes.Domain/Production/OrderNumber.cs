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

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]*$")]
    private static partial Regex Pattern();
}
