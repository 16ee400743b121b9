using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>Adds the printed full name to the signed-in user, for the header and signatures.</summary>
public sealed class MesClaimsPrincipalFactory(
    UserManager<MesUser> userManager,
    RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MesUser, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(userManager, roleManager, options)
{
    public const string FullNameClaim = "mes:full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MesUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        return identity;
    }
}
