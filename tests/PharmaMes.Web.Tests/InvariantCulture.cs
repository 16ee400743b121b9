using System.Globalization;
using System.Runtime.CompilerServices;

namespace PharmaMes.Web.Tests;

/// <summary>
/// Pages and the domain format numbers and dates in its messages with the current culture. The tests
/// run under the invariant culture so that the messages they check are the same on every
/// machine (a comma decimal separator, a U+2212 minus sign or a non-Gregorian calendar would
/// otherwise make them fail).
/// </summary>
internal static class InvariantCulture
{
    [ModuleInitializer]
    internal static void UseForAllTests()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
    }
}
