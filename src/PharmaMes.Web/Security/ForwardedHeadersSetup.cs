using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PharmaMes.Web.Security;

/// <summary>
/// Behind a TLS proxy (the usual production set-up) the client address and the https scheme come from
/// the proxy's X-Forwarded-For / X-Forwarded-Proto, trusted only from the proxies named in
/// <c>Security:TrustedProxies</c> (loopback is always trusted): the audit trail records the real client,
/// the sign-in limiter counts per real client, and cookies are marked Secure.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddMesForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = (configuration["Security:TrustedProxies"] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                if (!IPAddress.TryParse(proxy, out var address))
                    throw new InvalidOperationException($"Security:TrustedProxies: '{proxy}' is not an IP address.");
                o.KnownProxies.Add(address);
            }
        });
        return services;
    }
}
