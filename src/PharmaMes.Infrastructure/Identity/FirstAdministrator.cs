using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Audit;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// Creates a site's first administrator from the command line: on a new production database
/// nobody can sign in to create users on the users page. Refused once an enabled administrator
/// exists; from then on administrators are made on the users page by someone who signs for it.
/// </summary>
public sealed class FirstAdministrator(IServiceScopeFactory scopes, UserAdministration administration, RoleSeeder roles)
{
    /// <summary>The command's name, as it appears in the audit trail.</summary>
    public const string CommandName = "users add-admin";

    /// <param name="operatingSystemUser">Who ran the command on the server, named in the audit trail.</param>
    public async Task<UserSummary> CreateAsync(string userName, string fullName, string password, string operatingSystemUser,
        CancellationToken cancellationToken = default)
    {
        await roles.EnsureRolesAsync();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();
            var enabledAdmin = (await users.GetUsersInRoleAsync(MesRoles.Admin)).FirstOrDefault(u => !u.IsDisabled);
            if (enabledAdmin is not null)
                throw new DomainException(
                    $"An enabled administrator already exists ({enabledAdmin.UserName}): further users are created by an administrator at /admin/users.");
            if (await users.FindByNameAsync(userName.Trim()) is not null)
                throw new DomainException($"The user name {userName.Trim().ToLowerInvariant()} is already taken.");
        }
        var by = AuditActor.System($"{CommandName} run by {operatingSystemUser}", "The site's first administrator");
        return await administration.CreateAsync(new NewUser(userName, fullName, password, [MesRoles.Admin]), by, cancellationToken);
    }
}
