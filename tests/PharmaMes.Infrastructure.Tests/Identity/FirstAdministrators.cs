using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Tests.Identity;

public class FirstAdministrators
{
    private const string Password = "first-admin-pass-2026";

    [Fact]
    public async Task TheFirstAdministratorIsCreatedWithTheAdminRoleAndAudited()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);

        var created = await host.Get<FirstAdministrator>().CreateAsync("SiteAdmin", "Site Admin", Password, "root");

        var admin = Assert.Single(await host.Get<UserAdministration>().ListAsync());
        Assert.Equal("siteadmin", created.UserName);
        Assert.Equal([MesRoles.Admin], admin.Roles);
        await using var db = host.NewContext();
        var trail = await db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityLabel == "siteadmin").ToListAsync();
        Assert.NotEmpty(trail);
        Assert.All(trail, a => Assert.Equal("system: users add-admin run by root", a.UserName));
        Assert.DoesNotContain(trail, a => (a.NewValue ?? "").Contains(Password, StringComparison.Ordinal));
        Assert.True((await host.Get<AuditTrailService>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task ASecondRunIsRefusedWhileAnEnabledAdministratorExists()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var first = host.Get<FirstAdministrator>();
        await first.CreateAsync("siteadmin", "Site Admin", Password, "root");

        var again = await Assert.ThrowsAsync<DomainException>(() => first.CreateAsync("other", "Other Admin", Password, "root"));

        Assert.Contains("already exists", again.Message);
        Assert.Single(await host.Get<UserAdministration>().ListAsync());
    }

    [Fact]
    public async Task ASiteWhoseOnlyAdministratorIsDisabledGetsANewOneAndKeepsTheOld()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var first = host.Get<FirstAdministrator>();
        var departed = await first.CreateAsync("siteadmin", "Site Admin", Password, "root");
        await host.Get<UserAdministration>().DisableAsync(departed.Id, AuditActor.System("test", "Administrator left the company"));

        var successor = await first.CreateAsync("newadmin", "New Admin", Password, "root");

        var users = await host.Get<UserAdministration>().ListAsync();
        Assert.Equal(2, users.Count);
        Assert.True(users.Single(u => u.UserName == "siteadmin").IsDisabled);
        Assert.Equal([MesRoles.Admin], users.Single(u => u.Id == successor.Id).Roles);
    }

    [Fact]
    public async Task ATakenUserNameIsRefusedWhenNoAdministratorExists()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        await host.Get<UserAdministration>().CreateAsync(new NewUser("paula", "Paula N", Password, [MesRoles.Planner]), AuditActor.System("test"));

        var taken = await Assert.ThrowsAsync<DomainException>(() => host.Get<FirstAdministrator>().CreateAsync("Paula", "Paula N", Password, "root"));

        Assert.Contains("already taken", taken.Message);
        Assert.Equal([MesRoles.Planner], Assert.Single(await host.Get<UserAdministration>().ListAsync()).Roles);
    }

    [Fact]
    public async Task AShortPasswordIsRefusedWithIdentitysMessageAndNothingIsCreated()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Get<FirstAdministrator>().CreateAsync("siteadmin", "Site Admin", "short-pw", "root"));

        Assert.Contains("at least 12 characters", refused.Message);
        Assert.Empty(await host.Get<UserAdministration>().ListAsync());
    }
}
