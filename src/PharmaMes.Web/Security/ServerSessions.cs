using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Security;

/// <summary>
/// Binds each sign-in cookie to a session held on the server (<see cref="UserSessions"/>): the
/// cookie names the session, every request checks it is still open, and signing out ends it, so
/// a copy of the cookie taken before sign-out is refused afterwards.
/// </summary>
public static class ServerSessions
{
    public const string SessionClaim = "mes:session";

    public static void Attach(CookieAuthenticationEvents events)
    {
        var stampCheck = events.OnValidatePrincipal;
        events.OnSigningIn = async context =>
        {
            if (context.Principal?.Identity is not ClaimsIdentity identity
                || !Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
                return;
            var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
            var id = await sessions.StartAsync(userId, identity.Name ?? "", ClientAddress.Of(context.HttpContext), context.HttpContext.RequestAborted);
            identity.AddClaim(new Claim(SessionClaim, id.ToString()));
        };
        events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
            if (SessionOf(context.Principal) is not { } id || !await sessions.IsOpenAsync(id, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await stampCheck(context);
        };
        events.OnSigningOut = async context =>
        {
            if (SessionOf(context.HttpContext.User) is { } id)
                await context.HttpContext.RequestServices.GetRequiredService<UserSessions>()
                    .EndAsync(id, "Signed out.", ClientAddress.Of(context.HttpContext), CancellationToken.None);
        };
    }

    /// <summary>Carries the session claim into the principal the security-stamp check rebuilds every minute.</summary>
    public static Task KeepSessionAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } session
            && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionClaim))
            identity.AddClaim(new Claim(SessionClaim, session.Value));
        return Task.CompletedTask;
    }

    public static Guid? SessionOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(SessionClaim)?.Value, out var id) ? id : null;
}
