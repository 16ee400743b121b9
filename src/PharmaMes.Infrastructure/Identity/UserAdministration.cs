using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// Creates users, assigns roles, disables and re-enables users. Users are never deleted: their
/// names stay on the records they signed. Each call runs in its own scope so a long-lived
/// Blazor circuit never holds a stale identity context.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, UserSessions sessions, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var result = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            result.Add(new UserSummary(user.Id, user.UserName!, user.FullName, roles.Order().ToList(), user.IsDisabled,
                user.LockoutEnd is { } end && end > now, user.CreatedAt));
        }
        return result;
    }

    public async Task<UserSummary> CreateAsync(NewUser request, AuditActor by, CancellationToken cancellationToken = default)
    {
        var userName = request.UserName?.Trim().ToLowerInvariant() ?? "";
        var fullName = request.FullName?.Trim() ?? "";
        if (userName.Length == 0)
            throw new DomainException("A user name is required.");
        if (fullName.Length == 0)
            throw new DomainException("The full name is required: it is printed in every signature.");
        if (fullName.Length > MesUser.FullNameMaxLength)
            throw new DomainException($"The full name must be at most {MesUser.FullNameMaxLength} characters.");
        // Printed in every signature manifestation: it must read as stored.
        if (FreeText.Problem(fullName) is { } problem)
            throw new DomainException($"The full name {problem}");
        EnsureKnownRoles(request.Roles);

        var user = await InTransactionAsync(by, async users =>
        {
            var user = new MesUser { Id = Ids.New(), UserName = userName, FullName = fullName, CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user, request.Password ?? ""));
            if (request.Roles.Count > 0)
                Check(await users.AddToRolesAsync(user, request.Roles));
            return user;
        }, cancellationToken);
        return new UserSummary(user.Id, userName, fullName, request.Roles.Order().ToList(), false, false, user.CreatedAt);
    }

    public async Task SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, AuditActor by, CancellationToken cancellationToken = default)
    {
        EnsureKnownRoles(roles);
        await InTransactionAsync(by, async users =>
        {
            var user = await FindAsync(users, userId);
            var current = await users.GetRolesAsync(user);
            if (string.Equals(user.UserName, by.Name, StringComparison.OrdinalIgnoreCase)
                && current.Contains(MesRoles.Admin) && !roles.Contains(MesRoles.Admin))
                throw new DomainException("You cannot take the Admin role from yourself; ask another administrator.");
            Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
            Check(await users.AddToRolesAsync(user, roles.Except(current)));
            Check(await users.UpdateSecurityStampAsync(user));
            return user;
        }, cancellationToken);
        // Open sessions end: the person signs in again and holds exactly the new roles.
        await sessions.EndAllAsync(userId, $"Roles changed by {by.Name}.", cancellationToken);
    }

    public async Task DisableAsync(Guid userId, AuditActor by, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = UsersAuditedAs(scope, by);
        var user = await FindAsync(users, userId);
        if (string.Equals(user.UserName, by.Name, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("You cannot disable your own account.");
        if (user.IsDisabled)
            throw new DomainException($"{user.UserName} is already disabled.");
        user.IsDisabled = true;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAllAsync(userId, $"Account disabled by {by.Name}.", cancellationToken);
    }

    /// <summary>Ends a lock-out after failed sign-ins before its time is up (the person has been reached).</summary>
    public async Task UnlockAsync(Guid userId, AuditActor by, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = UsersAuditedAs(scope, by);
        var user = await FindAsync(users, userId);
        if (!await users.IsLockedOutAsync(user))
            throw new DomainException($"{user.UserName} is not locked.");
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    public async Task EnableAsync(Guid userId, AuditActor by, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = UsersAuditedAs(scope, by);
        var user = await FindAsync(users, userId);
        if (!user.IsDisabled)
            throw new DomainException($"{user.UserName} is not disabled.");
        user.IsDisabled = false;
        Check(await users.UpdateAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, on a scope of its own, inside the provider's execution
    /// strategy: a retrying one (SQL Server, PostgreSQL) refuses a transaction begun outside it, and runs an
    /// attempt that failed for a moment again whole, on a new scope.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(AuditActor by, Func<UserManager<MesUser>, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var strategyScope = scopes.CreateAsyncScope();
        var strategy = strategyScope.ServiceProvider.GetRequiredService<MesDbContext>().Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async attempt =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = UsersAuditedAs(scope, by);
            await using var transaction = await scope.ServiceProvider.GetRequiredService<MesDbContext>().Database.BeginTransactionAsync(attempt);
            var result = await work(users);
            await transaction.CommitAsync(attempt);
            return result;
        }, cancellationToken);
    }

    /// <summary>The scope's user manager, saving through a context that audits under <paramref name="by"/>.</summary>
    private static UserManager<MesUser> UsersAuditedAs(AsyncServiceScope scope, AuditActor by)
    {
        scope.ServiceProvider.GetRequiredService<MesDbContext>().ActingFor(by);
        return scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();
    }

    private static async Task<MesUser> FindAsync(UserManager<MesUser> users, Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new DomainException("That user does not exist.");

    private static void EnsureKnownRoles(IEnumerable<string> roles)
    {
        var unknown = roles.Where(r => !MesRoles.PersonRoles.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new DomainException($"Unknown role {string.Join(", ", unknown)}. Roles are: {string.Join(", ", MesRoles.PersonRoles)}.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
