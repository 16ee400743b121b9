using System.Globalization;

namespace PharmaMes.Domain.Recipes;

/// <summary>
/// Text of numbers for signed content and messages that does not depend on how a value was stored:
/// a decimal read back from a decimal(18,6) column is 10.000000 where it was 10 before saving, and
/// a signature must not turn invalid because of that.
/// </summary>
internal static class Canonical
{
    public static string Number(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);
}
