using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Tests.Identity;

public class Users
{
    private static readonly AuditActor Admin = new(Guid.CreateVersion7(), "admin");

    private static NewUser Anna(string password = "long-enough-pass", params string[] roles) =>
        new("Anna.B", "Anna Berg", password, roles.Length == 0 ? [MesRoles.Operator] : roles);

    [Fact]
    public async Task ACreatedUserIsListedWithARoleAndALowerCaseUserName()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var admin = host.Get<UserAdministration>();

        await admin.CreateAsync(Anna(), Admin);

        var anna = Assert.Single(await admin.ListAsync());
        Assert.Equal("anna.b", anna.UserName);
        Assert.Equal("Anna Berg", anna.FullName);
        Assert.Equal([MesRoles.Operator], anna.Roles);
        Assert.False(anna.IsDisabled);
    }

    [Fact]
    public async Task APasswordShorterThanTwelveCharactersIsRefused()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);

        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<UserAdministration>().CreateAsync(Anna("short-pass1"), Admin));

        Assert.Contains("12", ex.Message);
        Assert.Empty(await host.Get<UserAdministration>().ListAsync());
    }

    [Fact]
    public async Task AFullNameWithATextDirectionOverrideIsRefused()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);

        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Get<UserAdministration>()
            .CreateAsync(new NewUser("mallory", "Mallory \u202Eeviled", "long-enough-pass", [MesRoles.Operator]), Admin));

        Assert.Contains("The full name contains an invisible text-direction character (U+202E)", ex.Message);
        Assert.Empty(await host.Get<UserAdministration>().ListAsync());
    }

    [Fact]
    public async Task AnUnknownRoleAndADuplicateUserNameAreRefused()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var admin = host.Get<UserAdministration>();
        await admin.CreateAsync(Anna(), Admin);

        var unknownRole = await Assert.ThrowsAsync<DomainException>(() => admin.CreateAsync(new NewUser("bob", "Bob", "long-enough-pass", ["Superuser"]), Admin));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => admin.CreateAsync(Anna(), Admin));

        Assert.Contains("Superuser", unknownRole.Message);
        Assert.Contains("anna.b", duplicate.Message);
    }

    [Fact]
    public async Task RolesAreReplacedAndAnAdminCannotDropTheirOwnAdminRole()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var admin = host.Get<UserAdministration>();
        var anna = await admin.CreateAsync(Anna(roles: [MesRoles.Admin, MesRoles.QA]), Admin);

        await admin.SetRolesAsync(anna.Id, [MesRoles.Admin, MesRoles.Planner], new AuditActor(null, "someone-else"));
        var ownDrop = await Assert.ThrowsAsync<DomainException>(() => admin.SetRolesAsync(anna.Id, [MesRoles.QA], new AuditActor(anna.Id, "anna.b")));

        Assert.Equal([MesRoles.Admin, MesRoles.Planner], Assert.Single(await admin.ListAsync()).Roles);
        Assert.Contains("yourself", ownDrop.Message);
    }

    [Fact]
    public async Task ADisabledUserCannotSignInUntilEnabledAgainAndIsNeverDeleted()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var admin = host.Get<UserAdministration>();
        var anna = await admin.CreateAsync(Anna(), Admin);

        await admin.DisableAsync(anna.Id, Admin);
        var whileDisabled = await CanSignInAsync(host, "anna.b");
        var self = await Assert.ThrowsAsync<DomainException>(() => admin.DisableAsync(anna.Id, new AuditActor(anna.Id, "anna.b")));
        await admin.EnableAsync(anna.Id, Admin);
        var afterEnable = await CanSignInAsync(host, "anna.b");

        Assert.False(whileDisabled);
        Assert.True(afterEnable);
        Assert.Contains("own account", self.Message);
        Assert.Single(await admin.ListAsync());
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccount()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        await host.Get<UserAdministration>().CreateAsync(Anna(), Admin);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<MesUser>>();
        var user = (await users.FindByNameAsync("anna.b"))!;

        for (var attempt = 1; attempt <= 4; attempt++)
            await signIn.CheckPasswordSignInAsync(user, "wrong-password", lockoutOnFailure: true);
        var lockedAfterFour = await users.IsLockedOutAsync(user);
        await signIn.CheckPasswordSignInAsync(user, "wrong-password", lockoutOnFailure: true);

        Assert.False(lockedAfterFour);
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.True(Assert.Single(await host.Get<UserAdministration>().ListAsync()).IsLockedOut);
    }

    private static async Task<bool> CanSignInAsync(MesTestHost host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<MesUser>>();
        return await signIn.CanSignInAsync(user) && await users.CheckPasswordAsync(user, "long-enough-pass");
    }
}
