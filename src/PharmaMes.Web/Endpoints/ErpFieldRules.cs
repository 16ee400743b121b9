using System.Text.RegularExpressions;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>Field checks the ERP requests share; codes are read by the domain's own TryParse so the two never drift.</summary>
internal static partial class ErpFieldRules
{
    public const string UnitRule = "A unit symbol such as kg, g, L, m or pcs: up to 16 characters, no spaces.";

    public static bool IsMaterialCode(string? text) => MaterialCode.TryParse(text) is not null;

    public static bool IsLotNumber(string? text) => LotNumber.TryParse(text) is not null;

    public static bool IsUnit(string? text) => text is not null && UnitPattern().IsMatch(text.Trim());

    public static bool IsMaterialType(string? text) =>
        text is not null && Enum.GetNames<MaterialType>().Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The material type by name only: a number would pass Enum.TryParse and mean nothing to the ERP.</summary>
    public static MaterialType MaterialTypeOf(string text) =>
        Enum.Parse<MaterialType>(Enum.GetNames<MaterialType>().First(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"^[^\s\p{C}]{1,16}$")]
    private static partial Regex UnitPattern();
}
