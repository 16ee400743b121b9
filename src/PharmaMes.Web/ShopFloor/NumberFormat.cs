using System.Globalization;

namespace PharmaMes.Web.ShopFloor;

/// <summary>
/// How a terminal writes numbers: the decimal separator its operators type (<c>de-DE</c> writes 1,4;
/// <c>en-US</c> writes 1.4). Storage and the API stay invariant; only what people type and read follows this.
/// </summary>
public sealed record NumberFormat(CultureInfo Culture)
{
    /// <summary>The cookie a terminal keeps its choice in, for a year.</summary>
    public const string CookieName = "pmes-number-format";

    public static readonly NumberFormat Point = new(CultureInfo.GetCultureInfo("en-US"));
    public static readonly NumberFormat Comma = new(CultureInfo.GetCultureInfo("de-DE"));

    public string Name => Culture.Name;
    public string DecimalSeparator => Culture.NumberFormat.NumberDecimalSeparator;
    public string GroupSeparator => Culture.NumberFormat.NumberGroupSeparator;

    /// <summary>How the separator is called in messages: "a point" or "a comma".</summary>
    public string DecimalSeparatorWords => DecimalSeparator switch { "." => "a point", "," => "a comma", var other => $"'{other}'" };

    /// <summary>The culture's name when it is a real one (e.g. "de-DE", "fr-CH"); else null.</summary>
    public static NumberFormat? TryCreate(string? cultureName)
    {
        if (string.IsNullOrWhiteSpace(cultureName) || cultureName.Length > 20)
            return null;
        try
        {
            var culture = CultureInfo.GetCultureInfo(cultureName.Trim());
            return culture.IsNeutralCulture || culture.Equals(CultureInfo.InvariantCulture) ? null : new NumberFormat(culture);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The terminal's format: its own choice (the cookie), else the browser's first language that names a
    /// region (Accept-Language), else the site's default.
    /// </summary>
    public static NumberFormat For(HttpContext context, string siteDefault)
    {
        if (TryCreate(context.Request.Cookies[CookieName]) is { } chosen)
            return chosen;
        foreach (var language in context.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
            if (TryCreate(language.Value.Value) is { } browser)
                return browser;
        return TryCreate(siteDefault) ?? Point;
    }
}
