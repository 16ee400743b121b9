using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Security;

/// <summary>
/// A Blazor circuit lives on a websocket, beyond the reach of cookie checks: this re-checks the
/// signed-in user every minute, so a session ended on the server, a disabled user or a changed role ends an open screen too.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Signed out elsewhere (another tab, the sign-out button) or ended by an administrator's change.
        if (ServerSessions.SessionOf(state.User) is not { } session
            || !await scope.ServiceProvider.GetRequiredService<UserSessions>().IsOpenAsync(session, cancellationToken))
            return false;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.IsDisabled)
            return false;
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
