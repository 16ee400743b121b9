using System.Text.RegularExpressions;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>Field checks the ERP requests share; codes are checked by the domain's own rules so the two never drift.</summary>
internal static partial class ErpFieldRules
{
    public const string UnitRule = "A unit symbol such as kg, g, L, m or pcs: up to 16 characters, no spaces.";

    public static bool IsMaterialCode(string? text) => Parses(text, t => new MaterialCode(t));

    public static bool IsLotNumber(string? text) => Parses(text, t => new LotNumber(t));

    public static bool IsUnit(string? text) => text is not null && UnitPattern().IsMatch(text.Trim());

    public static bool IsMaterialType(string? text) =>
        text is not null && Enum.GetNames<MaterialType>().Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The material type by name only: a number would pass Enum.TryParse and mean nothing to the ERP.</summary>
    public static MaterialType MaterialTypeOf(string text) =>
        Enum.Parse<MaterialType>(Enum.GetNames<MaterialType>().First(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static bool Parses(string? text, Action<string> parse)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        try
        {
            parse(text);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[^\s\p{C}]{1,16}$")]
    private static partial Regex UnitPattern();
}
