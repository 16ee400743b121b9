using PharmaMes.Domain.Plant;

namespace PharmaMes.Web.ShopFloor;

/// <summary>
/// The production line a shop-floor terminal stands at, kept in a cookie (a terminal is shared and does not move),
/// so that its work queue shows that line's work first. Null: the terminal serves every line.
/// </summary>
public sealed record TerminalLine(string? Code)
{
    public const string CookieName = "pmes-terminal-line";

    public static readonly TerminalLine Everywhere = new((string?)null);

    /// <summary>A well-formed line code or nothing: a tampered cookie is ignored, not trusted.</summary>
    public static TerminalLine Of(string? cookie)
    {
        if (string.IsNullOrWhiteSpace(cookie))
            return Everywhere;
        try
        {
            return new TerminalLine(new PlantCode(cookie).Value);
        }
        catch (PharmaMes.Domain.Common.DomainException)
        {
            return Everywhere;
        }
    }

    public static TerminalLine For(HttpContext context) => Of(context.Request.Cookies[CookieName]);
}
