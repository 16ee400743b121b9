using PharmaMes.Web.ShopFloor;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/terminal/number-format/{culture}</c>: a terminal keeps how its operators write numbers (1,4 or 1.4)
/// in a cookie, since a terminal is shared and its people write numbers the same way; <c>/terminal/line/{code}</c>
/// keeps the line it stands at, for its work queue.
/// </summary>
public static class TerminalEndpoints
{
    public static IEndpointRouteBuilder MapTerminalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/terminal/number-format/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (NumberFormat.TryCreate(culture) is not { } format)
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown number format",
                    detail: $"'{culture}' is not a culture with a region, e.g. de-DE or en-US.");
            Keep(context, NumberFormat.CookieName, format.Name);
            return Results.LocalRedirect(Back(returnUrl));
        });
        // "all" clears the choice: the terminal then serves every line.
        app.MapGet("/terminal/line/{code}", (string code, string? returnUrl, HttpContext context) =>
        {
            if (string.Equals(code, "all", StringComparison.OrdinalIgnoreCase))
                context.Response.Cookies.Delete(TerminalLine.CookieName);
            else if (TerminalLine.Of(code).Code is { } line)
                Keep(context, TerminalLine.CookieName, line);
            else
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown line code",
                    detail: $"'{code}' is not a line code, e.g. OSD-L1; 'all' serves every line.");
            return Results.LocalRedirect(Back(returnUrl ?? "/work"));
        });
        return app;
    }

    private static void Keep(HttpContext context, string cookie, string value) =>
        context.Response.Cookies.Append(cookie, value, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });

    // Only a local path: the link must not send anyone elsewhere.
    private static string Back(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : "/";
}
