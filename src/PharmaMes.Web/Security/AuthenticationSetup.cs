using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Security;

/// <summary>
/// People sign in with a cookie; machines present an API key. One policy scheme picks the right
/// one per request, and every endpoint requires an authenticated caller unless it says otherwise.
/// </summary>
public static class AuthenticationSetup
{
    public const string SelectorScheme = "CookieOrApiKey";


    public static IServiceCollection AddMesAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            // API keys are for machines: they open the API, the OpenAPI document and the plant hub, never a
            // person's page or a Blazor circuit (which would let a key act on screens as a person would).
            .AddPolicyScheme(SelectorScheme, "Cookie or API key", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) && IsMachineRequest(context.Request)
                        ? ApiKeyAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "PharmaMes.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request came over HTTPS (directly or through a TLS proxy's forwarded header).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            // Shared terminals: the session ends after the idle time; any request slides it on.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => MachineAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => MachineAware(context, StatusCodes.Status403Forbidden);
            ServerSessions.Attach(o.Events);
        });
        // A disabled user or a changed role ends open sessions at once (ServerSessions); the stamp check stays as a second guard.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The stamp check rebuilds the principal from the user: it must keep naming the same server session.
            o.OnRefreshingPrincipal = ServerSessions.KeepSessionAsync;
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in PolicyRoles.All)
        {
            if (policy == Policies.Monitoring)
                // A monitoring agent on the same machine scrapes without an account; through a proxy, the forwarded
                // client address counts (X-Forwarded-For, see ForwardedHeadersSetup), so the world is not "the machine itself".
                authorization.AddPolicy(policy, p => p.RequireAssertion(c => FromThisMachine(c.Resource) || roles.Any(c.User.IsInRole)));
            else
                authorization.AddPolicy(policy, p => p.RequireRole(roles));
        }

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        return services;
    }

    /// <summary>APIs and hubs answer 401/403 with problem details; pages redirect to the login page.</summary>
    private static Task MachineAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsMachineRequest(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool IsMachineRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/openapi")
        || request.Path.StartsWithSegments(Endpoints.MetricsEndpoints.Path);

    private static bool FromThisMachine(object? resource) =>
        resource is HttpContext { Connection.RemoteIpAddress: { } address } && System.Net.IPAddress.IsLoopback(address);
}
