using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// Sign-in that refuses disabled users (they are kept, never deleted). A lock-out after failed
/// attempts changes the user's record, so it is audited as done by the sign-in itself.
/// </summary>
public sealed class MesSignInManager(
    UserManager<MesUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<MesUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<MesUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<MesUser> confirmation,
    MesDbContext db,
    // The same accessor as contextAccessor, kept apart: the base class's Context throws outside a request (tests, tools).
    IHttpContextAccessor requests)
    : SignInManager<MesUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(MesUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override Task<SignInResult> CheckPasswordSignInAsync(MesUser user, string password, bool lockoutOnFailure)
    {
        var address = requests.HttpContext?.Connection.RemoteIpAddress;
        // The request's context, unless someone already acts in it, records the attempts as the sign-in's own.
        if (db.AuditActor is null)
            db.ActingFor(AuditActor.System("sign-in", $"Sign-in attempts as {user.UserName} from {address?.ToString() ?? "an unknown address"}"));
        return base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }
}
