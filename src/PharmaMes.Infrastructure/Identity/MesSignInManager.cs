using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>Sign-in that refuses disabled users (they are kept, never deleted).</summary>
public sealed class MesSignInManager(
    UserManager<MesUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<MesUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<MesUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<MesUser> confirmation)
    : SignInManager<MesUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(MesUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);
}
