using System.Globalization;
using System.Text.RegularExpressions;

namespace PharmaMes.Web.ShopFloor;

/// <summary>
/// The one rule for a number typed on the shop floor: digits with at most one decimal separator of the
/// terminal's format, an optional sign, nothing else. A thousands separator is refused, never guessed:
/// "1,400" on a point terminal could be 1400 or a European 1.4, and the wrong guess issues 1,000 times
/// the material. Every page parses through here and shows numbers back through <see cref="Format"/>.
/// </summary>
public static partial class NumberEntry
{
    public static bool TryParse(string? text, NumberFormat format, out decimal value, out string? error)
    {
        value = 0;
        error = null;
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            error = "Enter a number.";
            return false;
        }
        var separator = format.DecimalSeparator;
        var group = format.GroupSeparator;
        var other = separator == "." ? "," : ".";
        if (typed.Contains(group, StringComparison.Ordinal) || (group != other && typed.Contains(other, StringComparison.Ordinal)))
        {
            error = $"'{typed}' is ambiguous on this terminal ({format.Name}): decimals are written with {format.DecimalSeparatorWords} here"
                + $" and thousands without a separator, e.g. {Example(format)}.";
            return false;
        }
        var normalised = typed.Replace(separator, ".", StringComparison.Ordinal);
        if (!Plain().IsMatch(normalised)
            || !decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{typed}' is not a number. Type digits with {format.DecimalSeparatorWords} for decimals, e.g. {Example(format)}.";
            value = 0;
            return false;
        }
        return true;
    }

    /// <summary>A number shown back in the terminal's format, without thousands separators, as people type it.</summary>
    public static string Format(decimal value, NumberFormat format) =>
        value.ToString("0.######", format.Culture);

    public static string Format(double value, NumberFormat format) =>
        double.IsFinite(value) ? value.ToString("0.######", format.Culture) : value.ToString(CultureInfo.InvariantCulture);

    private static string Example(NumberFormat format) => $"1400 or 1{format.DecimalSeparator}4";

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)$")]
    private static partial Regex Plain();
}
