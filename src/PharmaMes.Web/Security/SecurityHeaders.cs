using System.Security.Cryptography;

namespace PharmaMes.Web.Security;

/// <summary>
/// Headers every response carries: a content policy that lets only the app's own scripts run (the
/// import map Blazor writes inline carries this response's nonce), no framing, no type sniffing, no
/// referrer leaving the site, and no caching of API data on shared terminals or proxies.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "mes:csp-nonce";

    /// <summary>The nonce of this response's content policy, for the inline import map.</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // The API reference page (/scalar) runs its own inline scripts; it shows no GMP data, only the API's shape.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
            ? "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"
            : $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
              + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        if (AuthenticationSetup.IsMachineRequest(context.Request))
            context.Response.OnStarting(() =>
            {
                // GMP data must not linger in a browser's or a proxy's cache.
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        return next(context);
    });
}
