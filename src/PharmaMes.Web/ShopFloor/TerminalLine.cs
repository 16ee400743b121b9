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
    public static TerminalLine Of(string? cookie) => PlantCode.TryParse(cookie) is { } code ? new TerminalLine(code.Value) : Everywhere;

    public static TerminalLine For(HttpContext context) => Of(context.Request.Cookies[CookieName]);
}
