using PharmaMes.Web.ShopFloor;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/terminal/number-format/{culture}</c>: a terminal keeps how its operators write numbers (1,4 or 1.4)
/// in a cookie, since a terminal is shared and its people write numbers the same way.
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
            context.Response.Cookies.Append(NumberFormat.CookieName, format.Name, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
            });
            // Only a local path: the link must not send anyone elsewhere.
            var back = returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : "/";
            return Results.LocalRedirect(back);
        });
        return app;
    }
}
